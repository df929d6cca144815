import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { EmbeddedPostgresError, findEmbeddedPostgres } from "@quarry/db/embedded";
import { ensureDatabase, type ResolvedDatabase, withDatabase } from "@quarry/db/resolve-database";

const entry = fileURLToPath(new URL("./embedded-database-process.ts", import.meta.url));

type ChildMessage = { type: "ready"; url: string } | { type: "failed"; message: string };

/**
 * Starts the embedded PostgreSQL (data under `<dataDir>/pg`, kept across restarts) in a detached
 * child process. Ctrl-C in a terminal signals the whole foreground process group; detached, the
 * database is not in it, so it keeps serving while requests drain and jobs finish, and stops when
 * `stop()` is called — or when this process dies, even by SIGKILL, since the child watches its
 * IPC channel.
 * When one already runs on that folder (`npm start` beside `npm run worker`), it is used as is and
 * stop() leaves it running for its owner. Failures are EmbeddedPostgresError (one sentence).
 */
export async function startEmbeddedDatabase(dataDir: string, port = 54329): Promise<ResolvedDatabase> {
  const running = await findEmbeddedPostgres(`${dataDir}/pg`);
  if (running) {
    await ensureDatabase(running, "quarry");
    return { url: withDatabase(running, "quarry"), embedded: true, stop: async () => {} };
  }
  const child = spawn(process.execPath, [entry, dataDir, String(port)], {
    detached: true,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once("message", (message: ChildMessage) => {
      if (message.type === "ready") resolve(message.url);
      else reject(new EmbeddedPostgresError(message.message));
    });
    child.once("exit", (code) =>
      reject(new EmbeddedPostgresError(`Embedded PostgreSQL stopped while starting (exit code ${code}).`)),
    );
  });
  return { url, embedded: true, stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    if (child.connected) child.disconnect();
    else child.kill("SIGTERM");
  });
}

/**
 * For a failed start at the top of a CLI (`npm start`, `npm run worker`): the one sentence on
 * stderr, exit 1, no stack.
 */
export function exitOnStartFailure(error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${message.split("\n")[0]}\n`);
  process.exit(1);
}
