import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chown, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { PostgresUser } from "./as-root.ts";
import type { Binaries } from "./binaries.ts";
import { EmbeddedPostgresError, firstProblem } from "./errors.ts";
import { EMBEDDED_PASSWORD, EMBEDDED_USER } from "./running.ts";

/** Runs a program to its end; rejects with its output when it fails. */
function runToEnd(program: string, args: string[], user: PostgresUser | null): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { ...user, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => {
      output += String(d);
    });
    child.stderr.on("data", (d) => {
      output += String(d);
    });
    child.once("error", reject);
    child.once("close", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(firstProblem(output) ?? `exited with ${code ?? signal}`)),
    );
  });
}

/** initdb: a new cluster in `dataDir` with the fixed superuser and password of the embedded server. */
export async function initialise(bin: Binaries, dataDir: string, user: PostgresUser | null): Promise<void> {
  const passwordFile = path.join(tmpdir(), `quarry-pg-password-${randomBytes(6).toString("hex")}`);
  await writeFile(passwordFile, `${EMBEDDED_PASSWORD}\n`, { mode: 0o600 });
  try {
    if (user) await chown(passwordFile, user.uid, user.gid);
    await runToEnd(
      bin.initdb,
      [
        `--pgdata=${dataDir}`,
        "--auth=password",
        `--username=${EMBEDDED_USER}`,
        `--pwfile=${passwordFile}`,
        "--lc-messages=C",
      ],
      user,
    );
  } catch (error) {
    throw new EmbeddedPostgresError(
      `Embedded PostgreSQL could not create its data folder ${dataDir}: ${error instanceof Error ? error.message : String(error)}.`,
    );
  } finally {
    await rm(passwordFile, { force: true });
  }
}

export interface PostgresProcess {
  stop(): Promise<void>;
}

/**
 * Starts `postgres` on `dataDir` and resolves once it accepts connections. Rejects with what
 * PostgreSQL said when it exits first (port taken, folder locked by another server, …).
 */
export function startPostgres(
  bin: Binaries,
  dataDir: string,
  port: number,
  user: PostgresUser | null,
): Promise<PostgresProcess> {
  const flags = ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200", "-c", "lc_messages=C"];
  const child = spawn(bin.postgres, ["-D", dataDir, "-p", String(port), ...flags], {
    ...user,
    stdio: ["ignore", "ignore", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let output = "";
    let ready = false;
    child.stderr.on("data", (d) => {
      const text = String(d);
      if (ready) {
        // Keep reading, or PostgreSQL blocks once the pipe is full; only a crash is worth showing.
        if (text.includes("PANIC")) console.error(`[embedded-postgres] ${text.trim()}`);
        return;
      }
      output += text;
      if (output.includes("database system is ready to accept connections")) {
        ready = true;
        resolve({ stop: () => stopProcess(child) });
      }
    });
    child.once("error", (error) => reject(new EmbeddedPostgresError(startFailure(dataDir, error.message))));
    child.once("exit", (code, signal) => {
      if (!ready && output.includes("Address already in use")) {
        const why = `port ${port} is taken by another program (set QUARRY_EMBEDDED_PG_PORT to another port)`;
        reject(new EmbeddedPostgresError(startFailure(dataDir, why)));
      } else if (!ready) {
        reject(
          new EmbeddedPostgresError(
            startFailure(dataDir, firstProblem(output) ?? `exited with ${code ?? signal}`),
          ),
        );
      }
    });
  });
}

function startFailure(dataDir: string, why: string): string {
  return `Embedded PostgreSQL on ${dataDir} did not start: ${why.replace(/\.$/, "")}.`;
}

/** Fast shutdown (SIGINT): open sessions are ended, then PostgreSQL exits; resolves on its exit. */
function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGINT");
  });
}
