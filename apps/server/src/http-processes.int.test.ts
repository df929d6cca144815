import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { request } from "node:http";
import { fileURLToPath } from "node:url";
import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { afterAll, beforeAll, expect, it } from "vitest";
import { processLog } from "./testing/process-log.ts";

const main = fileURLToPath(new URL("./main.ts", import.meta.url));
let t: TestDatabase;
let child: ChildProcess;
let url = "";
let log: ReturnType<typeof processLog>;

/** Pids of the processes `parent` forked (Linux /proc). */
function childrenOf(parent: number): number[] {
  return readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === parent;
      } catch {
        return false;
      }
    })
    .map(Number);
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

beforeAll(async () => {
  t = await createTestDatabase();
  child = spawn(process.execPath, [main], {
    env: {
      ...process.env,
      DATABASE_URL: t.url,
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "info",
      RUN_WORKER: "0",
      HTTP_PROCESSES: "2",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (!child.stdout) throw new Error("the server process has no stdout");
  log = processLog(child.stdout);
  const exitedEarly = new Promise<never>((_, reject) =>
    child.once("exit", (code) => reject(new Error(`server exited early (${code})`))),
  );
  exitedEarly.catch(() => {}); // it exits at the end of the test too, after the race is over
  const running = await Promise.race([
    log.logged((l) => Boolean(l.url) && (l.msg?.startsWith("Quarry is running") ?? false)),
    exitedEarly,
  ]);
  url = running.url ?? "";
});
afterAll(async () => {
  if (child.exitCode === null) child.kill("SIGKILL");
  await t.drop();
});

it("serves from HTTP_PROCESSES forked processes; on SIGTERM each finishes its requests and all exit", async () => {
  expect((await fetch(`${url}/healthz`)).status).toBe(200);
  const forked = childrenOf(child.pid ?? 0);
  expect(forked).toHaveLength(2);

  const body = JSON.stringify({ email: "late@example.com", password: "correct horse battery", name: "Late" });
  const req = request(`${url}/trpc/auth.signUp`, {
    method: "POST",
    headers: { origin: url, "content-type": "application/json" },
  });
  const response = new Promise<number>((resolve, reject) => {
    req.on("response", (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
  });
  req.write(body.slice(0, 10));
  // The request has reached an HTTP process before the signal (its log, not a sleep, says so).
  await log.logged((l) => l.msg === "incoming request" && l.req?.url === "/trpc/auth.signUp");
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  child.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 300));
  req.end(body.slice(10));

  expect(await response).toBe(200);
  expect(await exited).toBe(0);
  expect(forked.filter(alive)).toEqual([]);
  const user = await t.db
    .selectFrom("users")
    .select("email")
    .where("email", "=", "late@example.com")
    .execute();
  expect(user).toHaveLength(1);
});
