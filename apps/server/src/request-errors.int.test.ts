import { createDb } from "@quarry/db/client";
import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BODY_LIMIT } from "./app.ts";
import { captureLogs } from "./testing/log-capture.ts";
import { startTestApp, type TestApp } from "./testing/test-app.ts";
import { MAX_BATCH_SIZE } from "./trpc-batch.ts";

let t: TestDatabase;
let server: TestApp;
/** An app whose database cannot be reached: building a signed-in request's context fails. */
let broken: TestApp;
const deadDb = createDb("postgres://postgres@127.0.0.1:1/none", { max: 1, connectTimeoutMs: 2000 });
const logs = captureLogs();

beforeAll(async () => {
  t = await createTestDatabase();
  server = await startTestApp({ db: t.db });
  broken = await startTestApp({ db: deadDb, logger: logs.logger });
});
afterAll(async () => {
  await Promise.all([server?.close(), broken?.close()]);
  await deadDb.destroy();
  await t.drop();
});

const json = { "content-type": "application/json" };
const batchOf = (n: number) => Array.from({ length: n }, () => "auth.me").join(",");

describe("errors before a procedure runs: a message of ours and the request id, never the error's own text", () => {
  it.each<{
    name: string;
    send: () => Promise<Response>;
    status: number;
    message: RegExp;
    hidden: string[];
  }>([
    {
      name: "the context cannot be built (database unreachable)",
      send: () => fetch(`${broken.url}/trpc/auth.me`, { headers: { cookie: "quarry_session=some.token" } }),
      status: 500,
      message:
        /^Something went wrong on our side\. Try again; if it keeps happening, report request id (\S+)\.$/,
      hidden: ["ECONNREFUSED", "127.0.0.1:1"],
    },
    {
      name: "a body that is not JSON",
      send: () =>
        fetch(`${server.url}/trpc/auth.signUp`, {
          method: "POST",
          headers: { ...json, origin: server.url },
          body: "{nope",
        }),
      status: 400,
      message: /^The request's input is not valid JSON \(request id (\S+)\)\.$/,
      hidden: ["position", "property name"],
    },
    {
      name: "a query input that is not JSON",
      send: () => fetch(`${server.url}/trpc/workspaces.invitations.preview?input=%7Bnope`),
      status: 400,
      message: /^The request's input is not valid JSON \(request id (\S+)\)\.$/,
      hidden: ["position", "property name"],
    },
    {
      name: "a batch that is too big",
      send: () => fetch(`${server.url}/trpc/${batchOf(MAX_BATCH_SIZE + 1)}?batch=1`),
      status: 400,
      message: /^A batch may hold at most 50 calls; this one has 51 \(request id (\S+)\)\.$/,
      hidden: ["FST_", "auth.me,auth.me"],
    },
    {
      name: "a body over the size limit",
      send: () =>
        fetch(`${server.url}/trpc/auth.signUp`, {
          method: "POST",
          headers: { ...json, origin: server.url },
          body: JSON.stringify({ email: "x".repeat(BODY_LIMIT) }),
        }),
      status: 413,
      message: /^The request body is larger than the 1 MB limit \(request id (\S+)\)\.$/,
      hidden: ["FST_"],
    },
  ])("$name → $status", async ({ send, status, message, hidden }) => {
    const res = await send();
    const text = await res.text();
    expect(res.status).toBe(status);
    const body = JSON.parse(text) as { error: { message: string } };
    const id = body.error.message.match(message)?.[1];
    expect(body.error.message).toMatch(message);
    expect(id?.replace(/\.$/, "")).toBe(res.headers.get("x-request-id"));
    for (const word of hidden) expect(text).not.toContain(word);
  });

  it("logs the context failure itself under the request id", async () => {
    const res = await fetch(`${broken.url}/trpc/auth.me`, {
      headers: { cookie: "quarry_session=some.token" },
    });
    await res.text();
    const line = logs
      .forRequest(res.headers.get("x-request-id"))
      .find((l) => l.msg === "could not build the request context");
    expect(JSON.stringify(line?.err)).toContain("ECONNREFUSED");
  });
});

describe("batch size", () => {
  it(`answers a batch of ${MAX_BATCH_SIZE} calls`, async () => {
    const res = await fetch(`${server.url}/trpc/${batchOf(MAX_BATCH_SIZE)}?batch=1`);
    expect(res.status).toBe(200);
    expect(await res.json()).toHaveLength(MAX_BATCH_SIZE);
  });

  it("refuses a mutation batch of 51 before running any of it", async () => {
    const paths = Array.from({ length: 51 }, () => "auth.signUp").join(",");
    const inputs = Object.fromEntries(
      Array.from({ length: 51 }, (_, i) => [
        i,
        { email: `b${i}@example.com`, password: "correct horse battery", name: "B" },
      ]),
    );
    const res = await fetch(`${server.url}/trpc/${paths}?batch=1`, {
      method: "POST",
      headers: { ...json, origin: server.url },
      body: JSON.stringify(inputs),
    });
    expect(res.status).toBe(400);
    expect(await t.db.selectFrom("users").where("email", "like", "b%@example.com").execute()).toEqual([]);
  });
});
