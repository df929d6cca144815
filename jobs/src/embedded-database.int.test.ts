import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDb } from "@quarry/db/client";
import { relocatedDataDir } from "@quarry/db/embedded/as-root";
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

it("runs as root from a folder the postgres user cannot enter (mode 700), without changing its mode", async () => {
  const hidden = await mkdtemp(path.join(tmpdir(), "quarry-hidden-")); // mode 700
  const dataDir = path.join(hidden, "data");
  try {
    const database = await startEmbeddedDatabase(dataDir, PORT);
    expect(await answers(database.url)).toBe(true);
    await database.stop();
    expect(await answers(database.url)).toBe(false);
    expect((await stat(hidden)).mode & 0o777).toBe(0o700);
    // Started again, it finds the same data.
    const again = await startEmbeddedDatabase(dataDir, PORT);
    expect(await answers(again.url)).toBe(true);
    await again.stop();
  } finally {
    await rm(hidden, { recursive: true, force: true });
    await rm(relocatedDataDir(path.join(dataDir, "pg")), { recursive: true, force: true });
    await rm(`${relocatedDataDir(path.join(dataDir, "pg"))}.source`, { force: true });
  }
}, 90_000);

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
