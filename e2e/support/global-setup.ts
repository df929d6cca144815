import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import path from "node:path";
import { startEmbeddedPostgres } from "@quarry/db/embedded";
import { withDatabase } from "@quarry/db/resolve-database";
import pg from "pg";
import type { TestProject } from "vitest/node";

const root = path.resolve(import.meta.dirname, "../..");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

async function waitForReady(url: string, server: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server exited (${server.exitCode}):\n${output()}`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server not ready at ${url} after 90 s:\n${output()}`);
}

/**
 * Starts the real server (`node apps/server/src/main.ts`, as `npm start` does after building the
 * web app) on a free port against a fresh database, and stops it afterwards.
 */
export default async function setup(project: TestProject) {
  let adminUrl = process.env.DATABASE_URL;
  let stopPg = async () => {};
  if (!adminUrl) {
    const embedded = await startEmbeddedPostgres(path.join(root, ".data/test-pg"), 54330);
    adminUrl = embedded.url;
    stopPg = embedded.stop;
  }
  const dbName = `quarry_e2e_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  await admin.end();

  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  let log = "";
  const server = spawn(process.execPath, ["apps/server/src/main.ts"], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: withDatabase(adminUrl, dbName),
      PORT: String(port),
      NODE_ENV: "test",
      // Vendor fakes listen on localhost: the one setting that lets workspace calls reach them.
      QUARRY_ALLOW_PRIVATE_NETWORKS: "true",
      LOG_LEVEL: "warn",
      APP_ORIGIN: baseUrl,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout?.on("data", (d) => {
    log = (log + d).slice(-20_000);
  });
  server.stderr?.on("data", (d) => {
    log = (log + d).slice(-20_000);
  });
  await waitForReady(baseUrl, server, () => log);
  project.provide("baseUrl", baseUrl);
  project.provide("databaseUrl", withDatabase(adminUrl, dbName));

  return async () => {
    const exited = new Promise((r) => server.once("exit", r));
    server.kill("SIGTERM");
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 15_000)))]);
    clearTimeout(timer);
    if (server.exitCode === null) server.kill("SIGKILL");
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`drop database if exists ${dbName} with (force)`);
    await c.end();
    await stopPg();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    /** For the operator CLI (`npm run admin`), which works on the database directly. */
    databaseUrl: string;
  }
}
