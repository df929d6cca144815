import { type ChildProcess, execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import path from "node:path";
import { startStripeFake } from "@quarry/billing/testing/stripe-fake";
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

/** `npm run admin -- <args>` with this environment; rejects with its stderr. */
function runAdmin(env: NodeJS.ProcessEnv, ...args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ["apps/server/src/admin.ts", ...args],
      { cwd: root, env, timeout: 60_000 },
      (error, _out, stderr) => (error ? reject(new Error(`admin ${args[0]}: ${stderr}`)) : resolve()),
    );
  });
}

/**
 * Starts the real server (`node apps/server/src/main.ts`, as `npm start` does after building the
 * web app) on a free port against a fresh database, and stops it afterwards. Billing is
 * configured against the local Stripe fake (its hosted Checkout page, signed webhooks to the
 * server's /webhooks/stripe), with the plans' products and prices created by `billing-sync`.
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
  const stripeFake = await startStripeFake({
    webhookUrl: `http://127.0.0.1:${port}/webhooks/stripe`,
    webhookSecret: "whsec_e2e_quarry",
  });
  const stripeEnv = {
    STRIPE_SECRET_KEY: stripeFake.apiKey,
    STRIPE_WEBHOOK_SECRET: stripeFake.webhookSecret,
    STRIPE_API_BASE: stripeFake.url,
  };
  await runAdmin(
    { PATH: process.env.PATH, DATABASE_URL: withDatabase(adminUrl, dbName), ...stripeEnv },
    "billing-sync",
  );
  let log = "";
  const server = spawn(process.execPath, ["apps/server/src/main.ts"], {
    cwd: root,
    env: {
      ...process.env,
      ...stripeEnv,
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
    await stripeFake.close();
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
