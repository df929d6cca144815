import { manualClock } from "@quarry/core/clock";
import { parseEnv } from "@quarry/core/env";
import { testOutbound } from "@quarry/core/testing/test-outbound";
import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.ts";
import { type ApiWorkspace, apiClient, apiWorkspace } from "./testing/rest-fixture.ts";

let t: TestDatabase;
let w: ApiWorkspace;
const clock = manualClock(new Date("2026-04-01T09:00:20Z"));
const apps: FastifyInstance[] = [];
let urls: string[] = [];

/** Two API servers on one database, as behind a load balancer, each allowing 3 requests a minute per key. */
beforeAll(async () => {
  t = await createTestDatabase();
  w = await apiWorkspace(t.db, "rl");
  for (let i = 0; i < 2; i++) {
    const app = buildApp({
      db: t.db,
      env: parseEnv({ NODE_ENV: "test", LOG_LEVEL: "silent" }),
      clock,
      outbound: testOutbound,
      apiRateLimit: { limit: 3, windowMs: 60_000 },
    });
    await app.listen({ port: 0, host: "127.0.0.1" });
    const address = app.server.address();
    if (!address || typeof address === "string") throw new Error("no port");
    apps.push(app);
    urls = [...urls, `http://127.0.0.1:${address.port}`];
  }
});
afterAll(async () => {
  await Promise.all(apps.map((app) => app.close()));
  await t.drop();
});

const headersOf = (h: Headers) => ({
  limit: h.get("ratelimit-limit"),
  remaining: h.get("ratelimit-remaining"),
  reset: h.get("ratelimit-reset"),
  retryAfter: h.get("retry-after"),
});

describe("per-key rate limit", () => {
  it("counts a key's requests across servers, answers 429 with Retry-After past the limit, and resets", async () => {
    const [one = "", two = ""] = urls;
    const seen = [];
    for (const base of [one, two, one, two]) {
      const res = await apiClient(base, w.readKey).get("/contacts");
      seen.push({
        status: res.status,
        ...headersOf(res.headers),
        body: res.status === 429 ? res.body : null,
      });
    }
    expect(seen.slice(0, 3)).toEqual([
      { status: 200, limit: "3", remaining: "2", reset: "40", retryAfter: null, body: null },
      { status: 200, limit: "3", remaining: "1", reset: "40", retryAfter: null, body: null },
      { status: 200, limit: "3", remaining: "0", reset: "40", retryAfter: null, body: null },
    ]);
    expect(seen[3]).toEqual({
      status: 429,
      limit: "3",
      remaining: "0",
      reset: "40",
      retryAfter: "40",
      body: {
        error: {
          code: "rate_limited",
          message: expect.stringMatching(/Rate limit of 3 requests per 60 seconds/),
        },
      },
    });

    // Writes are refused before they run, and count too.
    const before = await t.db
      .selectFrom("contacts")
      .select("id")
      .where("workspace_id", "=", w.workspaceId)
      .execute();
    expect((await apiClient(one, w.writeKey).post("/contacts", { email: "x@example.com" })).status).toBe(201);
    for (let i = 0; i < 2; i++) await apiClient(one, w.writeKey).get("/contacts");
    expect((await apiClient(one, w.writeKey).post("/contacts", { email: "y@example.com" })).status).toBe(429);
    const after = await t.db
      .selectFrom("contacts")
      .select("id")
      .where("workspace_id", "=", w.workspaceId)
      .execute();
    expect(after).toHaveLength(before.length + 1);

    clock.advance(40_000);
    const fresh = await apiClient(two, w.readKey).get("/contacts");
    expect(fresh.status).toBe(200);
    expect(headersOf(fresh.headers)).toMatchObject({ remaining: "2", reset: "60" });
  });

  it("does not count requests without a valid key, and publishes the document without one", async () => {
    const [one = ""] = urls;
    const res = await apiClient(one, null).get("/contacts");
    expect(res.status).toBe(401);
    expect(res.headers.get("ratelimit-limit")).toBeNull();
    const doc = await fetch(`${one}/api/v1/openapi.json`);
    expect(doc.status).toBe(200);
  });
});
