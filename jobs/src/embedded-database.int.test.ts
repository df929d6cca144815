import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDb } from "@quarry/db/client";
import { sql } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startEmbeddedDatabase } from "./embedded-database.ts";

const PORT = 54339; // not the 54329 of a running `npm start`, nor the tests' 54330
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "quarry-embedded-"));
  await chmod(dir, 0o755); // as root, PostgreSQL runs as the postgres user and must reach it
});
// PostgreSQL may still be writing its last files while it exits: retry instead of failing.
afterAll(() => rm(dir, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 }));

/** Waits until PostgreSQL has really exited: it removes postmaster.pid last. */
async function exited(pgDir: string, timeoutMs = 15_000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (existsSync(path.join(pgDir, "postmaster.pid")) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
  }
  return !existsSync(path.join(pgDir, "postmaster.pid"));
}

async function answers(url: string): Promise<boolean> {
  const db = createDb(url, { max: 1 });
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  } finally {
    await db.destroy();
  }
}

it("runs PostgreSQL with its data in the given folder until stopped", async () => {
  const database = await startEmbeddedDatabase(dir, PORT);
  expect(await answers(database.url)).toBe(true);
  expect(existsSync(path.join(dir, "pg", "PG_VERSION"))).toBe(true);
  await database.stop();
  expect(await answers(database.url)).toBe(false);
  expect(await exited(path.join(dir, "pg"))).toBe(true);
}, 60_000);

it("stops PostgreSQL when the process that started it is killed outright", async () => {
  const module = fileURLToPath(new URL("./embedded-database.ts", import.meta.url));
  const script = `const { startEmbeddedDatabase } = await import(${JSON.stringify(module)});
    const db = await startEmbeddedDatabase(${JSON.stringify(dir)}, ${PORT});
    console.log(db.url); setInterval(() => {}, 1000);`;
  const parent = spawn(process.execPath, ["--input-type=module", "-e", script], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve) =>
    parent.stdout.once("data", (d) => resolve(String(d).trim())),
  );
  expect(await answers(url)).toBe(true);

  parent.kill("SIGKILL");
  const until = Date.now() + 15_000;
  while ((await answers(url)) && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
  expect(await answers(url)).toBe(false);
  expect(await exited(path.join(dir, "pg"))).toBe(true);
}, 60_000);
