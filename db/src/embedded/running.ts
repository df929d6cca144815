import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { EmbeddedPostgresError } from "./errors.ts";

export const EMBEDDED_USER = "postgres";
export const EMBEDDED_PASSWORD = "postgres";

export function embeddedUrl(port: number): string {
  return `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/postgres`;
}

/** What postmaster.pid says: line 1 the pid, line 4 the port, line 8 the status (once written). */
interface PidFile {
  pid: number;
  port: number;
  status: string;
}

async function readPidFile(dataDir: string): Promise<PidFile | null> {
  const text = await readFile(path.join(dataDir, "postmaster.pid"), "utf8").catch(() => null);
  if (!text) return null;
  const lines = text.split("\n").map((l) => l.trim());
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return null;
  return { pid, port, status: lines[7] ?? "" };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * The URL of a PostgreSQL already running on `dataDir` (its postmaster.pid names a live process
 * and a port that answers), or null when none runs there. One that is still starting up is waited
 * for; one that is alive but never answers is an error: another cannot start on the same folder.
 */
export async function findRunningPostgres(dataDir: string, waitMs = 30_000): Promise<string | null> {
  const until = Date.now() + waitMs;
  for (;;) {
    const pidFile = await readPidFile(dataDir);
    if (!pidFile || !alive(pidFile.pid)) return null;
    const url = embeddedUrl(pidFile.port);
    if (await answers(url)) return url;
    if (Date.now() > until) {
      throw new EmbeddedPostgresError(
        `PostgreSQL is running on ${dataDir} (pid ${pidFile.pid}) but does not answer on port ${pidFile.port}; stop that process, or set DATABASE_URL.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
