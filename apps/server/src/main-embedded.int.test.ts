import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { embeddedDataDir } from "@quarry/db/embedded";
import { relocatedDataDir } from "@quarry/db/embedded/as-root";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";

/**
 * `npm start` on a machine with nothing but Node: no DATABASE_URL, so an embedded PostgreSQL under
 * QUARRY_DATA_DIR, here in a fresh `mktemp -d` folder (mode 700: as root, the postgres user cannot
 * enter it, as with a clone under /root). The admin CLI run beside it uses that database. SIGTERM
 * must stop everything, the database included, and exit 0.
 */
const main = fileURLToPath(new URL("./main.ts", import.meta.url));
const admin = fileURLToPath(new URL("./admin.ts", import.meta.url));
const workerMain = fileURLToPath(new URL("../../../jobs/src/main.ts", import.meta.url));
const PG_PORT = "54338";
let dir: string;
let child: ChildProcess;
let stderr = "";
let url: string;

const { DATABASE_URL: _ignored, ...parentEnv } = process.env;
const env = () => ({
  ...parentEnv,
  QUARRY_DATA_DIR: dir,
  QUARRY_EMBEDDED_PG_PORT: PG_PORT,
  LOG_LEVEL: "info",
});

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "quarry-start-"));
});
afterAll(async () => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  await rm(dir, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
  await rm(relocatedDataDir(path.join(dir, "pg")), {
    recursive: true,
    force: true,
    maxRetries: 20,
    retryDelay: 100,
  });
  await rm(`${relocatedDataDir(path.join(dir, "pg"))}.source`, { force: true });
});

/** Runs the admin CLI to its end, as `npm run admin -- …` would. */
function runAdmin(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const cli = spawn(process.execPath, [admin, ...args], { env: env(), stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    cli.stdout.on("data", (d) => {
      out += String(d);
    });
    cli.stderr.on("data", (d) => {
      err += String(d);
    });
    cli.once("exit", (code) => resolve({ code, stdout: out, stderr: err }));
  });
}

it("starts with an embedded PostgreSQL and serves", async () => {
  child = spawn(process.execPath, [main], {
    env: { ...env(), PORT: "0", HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stderr?.on("data", (d) => {
    stderr += String(d);
  });
  const out = createInterface({ input: child.stdout ?? process.stdin });
  url = await new Promise<string>((resolve, reject) => {
    out.on("line", (line) => {
      const entry = JSON.parse(line) as { msg?: string; url?: string };
      if (entry.url && entry.msg?.startsWith("Quarry is running")) resolve(entry.url);
    });
    child.once("exit", (code) => reject(new Error(`server exited early (${code}): ${stderr}`)));
  });
  // Concurrent requests leave several pooled connections open, as a busy server has at shutdown.
  const ready = await Promise.all(Array.from({ length: 20 }, () => fetch(`${url}/readyz`)));
  expect(ready.map((r) => r.status)).toEqual(Array(20).fill(200));
  expect(existsSync(path.join(await embeddedDataDir(path.join(dir, "pg")), "PG_VERSION"))).toBe(true);
}, 90_000);

it("runs the admin CLI beside it on the same database", async () => {
  const created = await runAdmin([
    "create-user",
    "--email",
    "beside@example.com",
    "--password",
    "correct horse 1",
  ]);
  expect(created.stderr).toBe("");
  expect(created.code).toBe(0);
  expect(JSON.parse(created.stdout)).toMatchObject({ email: "beside@example.com" });

  const client = new pg.Client({
    connectionString: `postgres://postgres:postgres@127.0.0.1:${PG_PORT}/quarry`,
  });
  await client.connect();
  const { rows } = await client.query("select email from users where email = $1", ["beside@example.com"]);
  await client.end();
  expect(rows).toEqual([{ email: "beside@example.com" }]);
  // The CLI left the server's database running.
  expect((await fetch(`${url}/readyz`)).status).toBe(200);
}, 60_000);

it("fails in the admin CLI with one line on stderr and exit code 1", async () => {
  const cases: Array<{ args: string[]; says: RegExp }> = [
    {
      args: ["create-user", "--email", "beside@example.com", "--password", "correct horse 1"],
      says: /^create-user: --email: an account with beside@example\.com already exists/,
    },
    { args: ["create-user", "--email", "not-an-email"], says: /^create-user: --password is required/ },
    { args: ["no-such-command"], says: /^Unknown command: no-such-command/ },
    { args: [], says: /^Usage: npm run admin -- <command> \[flags\], with a command from create-user/ },
  ];
  for (const c of cases) {
    const result = await runAdmin(c.args);
    expect({ args: c.args, code: result.code, lines: result.stderr.trimEnd().split("\n").length }).toEqual({
      args: c.args,
      code: 1,
      lines: 1,
    });
    expect(result.stderr).toMatch(c.says);
    expect(result.stdout).toBe("");
  }
}, 60_000);

it("runs `npm run worker` beside it on the same database, which outlives the worker", async () => {
  const worker = spawn(process.execPath, [workerMain], { env: env(), stdio: ["ignore", "pipe", "pipe"] });
  let workerErr = "";
  worker.stderr.on("data", (d) => {
    workerErr += String(d);
  });
  const exited = new Promise<number | null>((resolve) => worker.once("exit", (code) => resolve(code)));
  const lines = createInterface({ input: worker.stdout });
  const started = await Promise.race([
    new Promise<boolean>((resolve) =>
      lines.on("line", (line) => {
        if ((JSON.parse(line) as { msg?: string }).msg === "worker started") resolve(true);
      }),
    ),
    exited.then(() => false),
  ]);
  expect({ started, workerErr }).toEqual({ started: true, workerErr: "" });
  worker.kill("SIGTERM");
  expect(await exited).toBe(0);
  expect((await fetch(`${url}/readyz`)).status).toBe(200);
}, 60_000);

it("on SIGTERM stops the database too and exits 0", async () => {
  const dataDir = await embeddedDataDir(path.join(dir, "pg"));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  child.kill("SIGTERM");
  expect(await exited).toBe(0);
  expect(stderr).not.toMatch(/Unhandled|Error:/);
  // The database really stopped: PostgreSQL removes postmaster.pid as it exits.
  const until = Date.now() + 15_000;
  while (existsSync(path.join(dataDir, "postmaster.pid")) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(existsSync(path.join(dataDir, "postmaster.pid"))).toBe(false);
}, 60_000);
