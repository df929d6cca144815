import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { ResolvedDatabase } from "@quarry/db/resolve-database";

const entry = fileURLToPath(new URL("./embedded-database-process.ts", import.meta.url));

type ChildMessage = { type: "ready"; url: string } | { type: "failed"; message: string };

/**
 * Starts the embedded PostgreSQL (data under `<dataDir>/pg`, kept across restarts) in a detached
 * child process. Ctrl-C in a terminal signals the whole foreground process group; detached, the
 * database is not in it, so it keeps serving while requests drain and jobs finish, and stops when
 * `stop()` is called — or when this process dies, even by SIGKILL, since the child watches its
 * IPC channel.
 */
export async function startEmbeddedDatabase(dataDir: string, port = 54329): Promise<ResolvedDatabase> {
  const child = spawn(process.execPath, [entry, dataDir, String(port)], {
    detached: true,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once("message", (message: ChildMessage) => {
      if (message.type === "ready") resolve(message.url);
      else reject(new Error(`Embedded PostgreSQL failed to start: ${message.message}`));
    });
    child.once("exit", (code) => reject(new Error(`Embedded PostgreSQL exited during start (code ${code})`)));
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
