import { createServer, type Socket } from "node:net";
import { systemClock } from "@quarry/core/clock";
import { parseEnv } from "@quarry/core/env";
import { testOutbound } from "@quarry/core/testing/test-outbound";
import type { Database } from "@quarry/db/client";
import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { buildApp } from "./app.ts";
import { createHttpDatabase, createWorkerDatabase } from "./http-database.ts";
import { captureLogs } from "./testing/log-capture.ts";

let t: TestDatabase;
const opened: Database[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await Promise.all(opened.map((db) => db.destroy()));
  await t.drop();
});

function httpDb(env: Record<string, string>, url = t.url): Database {
  const db = createHttpDatabase(url, parseEnv(env));
  opened.push(db);
  return db;
}

const statementTimeout = async (db: Database) =>
  (await sql<{ statement_timeout: string }>`show statement_timeout`.execute(db)).rows[0]?.statement_timeout;

describe("the HTTP server's pool", () => {
  it("sets statement_timeout from DATABASE_STATEMENT_TIMEOUT_MS (default 30 s); the worker's pool does not", async () => {
    expect(await statementTimeout(httpDb({}))).toBe("30s");
    expect(await statementTimeout(httpDb({ DATABASE_STATEMENT_TIMEOUT_MS: "1500" }))).toBe("1500ms");
    const workerDb = createWorkerDatabase(t.url, parseEnv({}));
    opened.push(workerDb);
    expect(await statementTimeout(workerDb)).toBe("0");
  });

  it("cancels a request's statement that runs over the timeout, and answers 500 without its text", async () => {
    const logs = captureLogs();
    const db = httpDb({ DATABASE_STATEMENT_TIMEOUT_MS: "100" });
    const app = buildApp({
      db,
      env: parseEnv({ NODE_ENV: "test" }),
      clock: systemClock,
      outbound: testOutbound,
      logger: logs.logger,
    });
    // Test-only route: a statement that would take a minute.
    app.get("/test/slow", async () => sql`select pg_sleep(60)`.execute(db).then(() => ({ slept: true })));
    await app.listen({ port: 0, host: "127.0.0.1" });
    onTestFinished(() => app.close());
    const address = app.server.address();
    const port = typeof address === "object" && address ? address.port : 0;

    const res = await fetch(`http://127.0.0.1:${port}/test/slow`);
    const body = await res.text();
    expect(res.status).toBe(500);
    expect(body).not.toContain("statement timeout");
    const failed = logs.forRequest(res.headers.get("x-request-id")).find((l) => l.msg === "request failed");
    expect(failed?.err).toMatchObject({
      code: "57014",
      message: "canceling statement due to statement timeout",
    });
  });

  it("gives up connecting after DATABASE_CONNECT_TIMEOUT_MS", async () => {
    // A server that accepts connections and never answers PostgreSQL's startup message.
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    onTestFinished(() => {
      for (const socket of sockets) socket.destroy();
      silent.close();
    });
    const address = silent.address();
    const port = typeof address === "object" && address ? address.port : 0;
    const db = httpDb({ DATABASE_CONNECT_TIMEOUT_MS: "200" }, `postgres://postgres@127.0.0.1:${port}/none`);
    await expect(sql`select 1`.execute(db)).rejects.toThrow(/timeout/i);
  });
});
