import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";

/**
 * `npm start` on a machine with nothing but Node: no DATABASE_URL, so an embedded PostgreSQL under
 * QUARRY_DATA_DIR. SIGTERM must stop everything, the database included, and exit 0.
 */
const main = fileURLToPath(new URL("./main.ts", import.meta.url));
let dir: string;
let child: ChildProcess;
let stderr = "";

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "quarry-start-"));
  await chmod(dir, 0o755); // as root, PostgreSQL runs as the postgres user and must reach it
});
afterAll(async () => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  await rm(dir, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
});

it("starts with an embedded PostgreSQL, serves, and on SIGTERM stops it and exits 0", async () => {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  child = spawn(process.execPath, [main], {
    env: { ...env, QUARRY_DATA_DIR: dir, QUARRY_EMBEDDED_PG_PORT: "54338", PORT: "0", HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stderr?.on("data", (d) => {
    stderr += String(d);
  });
  const out = createInterface({ input: child.stdout ?? process.stdin });
  const url = await new Promise<string>((resolve, reject) => {
    out.on("line", (line) => {
      const entry = JSON.parse(line) as { msg?: string; url?: string };
      if (entry.url && entry.msg?.startsWith("Quarry is running")) resolve(entry.url);
    });
    child.once("exit", (code) => reject(new Error(`server exited early (${code}): ${stderr}`)));
  });
  // Concurrent requests leave several pooled connections open, as a busy server has at shutdown.
  const ready = await Promise.all(Array.from({ length: 20 }, () => fetch(`${url}/readyz`)));
  expect(ready.map((r) => r.status)).toEqual(Array(20).fill(200));
  expect(existsSync(path.join(dir, "pg", "PG_VERSION"))).toBe(true);

  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  child.kill("SIGTERM");
  expect(await exited).toBe(0);
  expect(stderr).not.toMatch(/Unhandled|Error:/);
  // The database really stopped: PostgreSQL removes postmaster.pid as it exits.
  const until = Date.now() + 15_000;
  while (existsSync(path.join(dir, "pg", "postmaster.pid")) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(existsSync(path.join(dir, "pg", "postmaster.pid"))).toBe(false);
}, 90_000);
