import { manualClock } from "@quarry/core/clock";
import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { requestHash } from "@quarry/rest/services/idempotency";
import { pruneIdempotencyKeys } from "@quarry/rest/services/prune-idempotency-keys";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../testing/test-app.ts";
import { type ApiWorkspace, apiClient, apiWorkspace } from "./testing/rest-fixture.ts";

/** POSTs that create something honour `Idempotency-Key`, Stripe's way. */
let t: TestDatabase;
let server: TestApp;
let w: ApiWorkspace;
const clock = manualClock(new Date("2026-03-02T10:00:00Z"));

beforeAll(async () => {
  t = await createTestDatabase();
  server = await startTestApp({ db: t.db, clock });
  w = await apiWorkspace(t.db, "idem");
});
afterAll(async () => {
  await server.close();
  await t.drop();
});

function writer(idempotencyKey?: string, apiKey = w.writeKey) {
  return apiClient(server.url, apiKey, idempotencyKey ? { "idempotency-key": idempotencyKey } : {});
}

async function count(table: "contacts" | "companies" | "enrichment_runs", workspaceId = w.workspaceId) {
  const row = await t.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("workspace_id", "=", workspaceId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const runBody = () => ({ entity: "contact", selection: { ids: [w.contactId] }, fields: ["company_domain"] });

describe("Idempotency-Key", () => {
  it.each([
    { path: "/contacts", table: "contacts" as const, body: () => ({ email: "once@idem.example" }) },
    { path: "/companies", table: "companies" as const, body: () => ({ domain: "once.idem.example" }) },
    { path: "/enrichment/runs", table: "enrichment_runs" as const, body: runBody },
  ])(
    "POST $path twice with one key creates once and replays the first answer",
    async ({ path, table, body }) => {
      const before = await count(table);
      const first = await writer(`once-${path}`).post(path, body());
      expect(first.status).toBe(201);
      expect(first.headers.get("idempotent-replayed")).toBeNull();
      // The same body with its keys in another order is the same request.
      const reordered = Object.fromEntries(Object.entries(body()).reverse());
      const again = await writer(`once-${path}`).post(path, reordered);
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expect(again.headers.get("idempotent-replayed")).toBe("true");
      expect(await count(table)).toBe(before + 1);
    },
  );

  it("answers 409 naming the header when the key comes back with another body, and creates nothing", async () => {
    const first = await writer("reused").post("/contacts", { email: "first@idem.example" });
    expect(first.status).toBe(201);
    const before = await count("contacts");
    const other = await writer("reused").post("/contacts", { email: "second@idem.example" });
    expect(other.status).toBe(409);
    expect(other.body.error).toEqual({
      code: "conflict",
      field: "Idempotency-Key",
      message: expect.stringMatching(/already used with another request/),
    });
    // …and on another endpoint too: the key names one request.
    expect((await writer("reused").post("/companies", { domain: "x.idem.example" })).status).toBe(409);
    expect(await count("contacts")).toBe(before);
  });

  it("without a key, behaves as before: each POST creates", async () => {
    const before = await count("enrichment_runs");
    const one = await writer().post("/enrichment/runs", runBody());
    const two = await writer().post("/enrichment/runs", runBody());
    expect([one.status, two.status]).toEqual([201, 201]);
    expect(two.body.id).not.toBe(one.body.id);
    expect(two.headers.get("idempotent-replayed")).toBeNull();
    expect(await count("enrichment_runs")).toBe(before + 2);
  });

  it("keeps no answer from a request that failed, so the key can be used again", async () => {
    const failed = await writer("after-failure").post("/contacts", { email: w.contactEmail });
    expect(failed.status).toBe(409);
    expect(failed.body.error.field).toBe("email");
    const retried = await writer("after-failure").post("/contacts", { email: "fixed@idem.example" });
    expect(retried.status).toBe(201);
    expect(retried.headers.get("idempotent-replayed")).toBeNull();
  });

  it("scopes keys per API key and per workspace", async () => {
    const second = await w.caller.workspaces.apiKeys.create({
      workspaceId: w.workspaceId,
      name: "second",
      scope: "read_write",
    });
    const other = await apiWorkspace(t.db, "idem-other");
    const first = await writer("shared").post("/companies", { domain: "shared.idem.example" });
    const sameWorkspace = await writer("shared", second.key).post("/companies", {
      domain: "shared2.idem.example",
    });
    const otherWorkspace = await writer("shared", other.writeKey).post("/companies", {
      domain: "shared.idem.example",
    });
    expect([first.status, sameWorkspace.status, otherWorkspace.status]).toEqual([201, 201, 201]);
    expect(otherWorkspace.headers.get("idempotent-replayed")).toBeNull();
    expect(await count("companies", other.workspaceId)).toBe(2);
  });

  it("ignores the header on routes that create nothing new (PUT upserts, PATCH)", async () => {
    const one = await writer("put-key").put("/contacts", { email: w.contactEmail, title: "A" });
    const two = await writer("put-key").put("/contacts", { email: w.contactEmail, title: "B" });
    expect([one.status, two.status]).toEqual([200, 200]);
    expect(two.body).toMatchObject({ title: "B" });
    expect(two.headers.get("idempotent-replayed")).toBeNull();
  });

  it.each([
    ["", "an empty key"],
    ["x".repeat(256), "a key over 255 characters"],
    ["with space", "a key with a space"],
  ])("refuses %s… (%s) with 400 naming the header", async (key, _why) => {
    const res = await apiClient(server.url, w.writeKey, { "idempotency-key": key }).post("/contacts", {
      email: "bad-key@idem.example",
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: "bad_request", field: "Idempotency-Key" });
  });

  it("makes a concurrent request with the same key wait for the first, then replays its answer", async () => {
    const body = { email: "concurrent@idem.example" };
    const hash = requestHash("POST", "/api/v1/contacts", body);
    const stored = { id: "00000000-0000-4000-8000-000000000001", email: body.email };
    const before = await count("contacts");
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let claimed = () => {};
    const isClaimed = new Promise<void>((resolve) => {
      claimed = resolve;
    });
    // The "first request": holds the key, uncommitted, until the second one is seen waiting.
    const first = t.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("idempotency_keys")
        .values({
          workspace_id: w.workspaceId,
          api_key_id: w.writeKeyId,
          key: "concurrent",
          request_hash: hash,
          status: 201,
          response_body: JSON.stringify(stored),
          created_at: clock.now(),
        })
        .execute();
      claimed();
      await released;
    });
    await isClaimed;
    const second = writer("concurrent").post("/contacts", body);
    // Event ordering, not a timer: wait until PostgreSQL shows the second request blocked on the key.
    for (;;) {
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock'`.execute(t.db);
      if ((rows[0]?.n ?? 0) > 0) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    release();
    await first;
    const res = await second;
    expect(res.status).toBe(201);
    expect(res.body).toEqual(stored);
    expect(res.headers.get("idempotent-replayed")).toBe("true");
    expect(await count("contacts")).toBe(before);
  });

  it("forgets a key after 24 hours: the prune task deletes it, and a late retry is a new request", async () => {
    const first = await writer("day-old").post("/companies", { domain: "day-old.idem.example" });
    expect(first.status).toBe(201);
    clock.advance(24 * 60 * 60 * 1000 + 1000);
    // Not yet pruned: an expired row is taken over, not replayed.
    const late = await writer("day-old").post("/companies", { domain: "day-old-2.idem.example" });
    expect(late.status).toBe(201);
    expect(late.headers.get("idempotent-replayed")).toBeNull();

    clock.advance(24 * 60 * 60 * 1000 + 1000);
    const keysOf = () =>
      t.db.selectFrom("idempotency_keys").select("key").where("workspace_id", "=", w.workspaceId).execute();
    expect((await keysOf()).map((k) => k.key)).toContain("day-old");
    expect(await pruneIdempotencyKeys(t.db, clock)).toBeGreaterThan(0);
    expect(await keysOf()).toEqual([]);
  });
});
