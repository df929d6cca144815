import { type ChildProcess, spawn } from "node:child_process";
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

beforeAll(async () => {
  t = await createTestDatabase();
  child = spawn(process.execPath, [main], {
    env: {
      ...process.env,
      DATABASE_URL: t.url,
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "info",
      RUN_WORKER: "1",
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

it("serves, then on SIGTERM finishes the request in flight and exits 0", async () => {
  expect((await fetch(`${url}/healthz`)).status).toBe(200);
  expect(log.lines.some((l) => l.msg === "worker started")).toBe(true);

  // A sign-up whose body is still arriving when the signal comes.
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
  // Ordered by the server's own log, not by sleeps: the request has arrived, then the signal.
  await log.logged((l) => l.msg === "incoming request" && l.req?.url === "/trpc/auth.signUp");
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  child.kill("SIGTERM");
  await log.logged((l) => l.msg === "shutting down");
  req.end(body.slice(10));

  expect(await response).toBe(200);
  expect(await exited).toBe(0);
  expect(log.lines.map((l) => l.msg)).toEqual(
    expect.arrayContaining(["shutting down", "worker stopped", "stopped"]),
  );
  const user = await t.db
    .selectFrom("users")
    .select("email")
    .where("email", "=", "late@example.com")
    .execute();
  expect(user).toHaveLength(1);
});
