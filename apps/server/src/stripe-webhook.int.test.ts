import { signedHeader, stripeEvent } from "@quarry/billing/testing/events";
import { manualClock } from "@quarry/core/clock";
import { testOutbound } from "@quarry/core/testing/test-outbound";
import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { sql } from "kysely";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "./testing/test-app.ts";

const SECRET = "whsec_test_secret";
const clock = manualClock(new Date("2026-03-01T12:00:00Z"));
const nowS = () => Math.floor(clock.now().getTime() / 1000);

let t: TestDatabase;
let server: TestApp;
let unconfigured: TestApp;
beforeAll(async () => {
  t = await createTestDatabase();
  const outbound = { ...testOutbound, stripe: { secretKey: null, webhookSecret: SECRET, apiBase: null } };
  server = await startTestApp({ db: t.db, clock, outbound });
  unconfigured = await startTestApp({ db: t.db, clock });
});
afterAll(async () => {
  await Promise.all([server.close(), unconfigured.close()]);
  await t.drop();
});
beforeEach(async () => {
  await sql`delete from stripe_events`.execute(t.db);
  await sql`delete from graphile_worker._private_jobs`.execute(t.db);
});

function post(base: string, body: string, headers: Record<string, string>) {
  return fetch(`${base}/webhooks/stripe`, {
    method: "POST",
    headers: { "content-type": "application/json; charset=utf-8", ...headers },
    body,
  });
}

/** The processing jobs waiting in graphile-worker's queue, with their keys. */
async function queuedJobs() {
  const { rows } = await sql<{ key: string | null }>`
    select j.key from graphile_worker._private_jobs j
    join graphile_worker._private_tasks t on t.id = j.task_id
    where t.identifier = 'billing/process-stripe-event'`.execute(t.db);
  return rows;
}

async function written() {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from stripe_events`.execute(t.db);
  return { events: rows[0]?.n, jobs: (await queuedJobs()).length };
}

const payload = () =>
  JSON.stringify(stripeEvent({ type: "invoice.paid", object: { id: "in_1" }, created: nowS() }));
const v1 = (header: string) => header.split(",").find((p) => p.startsWith("v1=")) ?? "";

describe("POST /webhooks/stripe refuses, writing nothing", () => {
  const cases: Array<[string, (body: string) => { body: string; headers: Record<string, string> }]> = [
    ["no Stripe-Signature header", (body) => ({ body, headers: {} })],
    [
      "a signature made with another secret",
      (body) => ({ body, headers: { "stripe-signature": signedHeader(body, "whsec_other", nowS()) } }),
    ],
    [
      "one byte of the body changed",
      (body) => ({
        body: body.replace('"in_1"', '"in_2"'),
        headers: { "stripe-signature": signedHeader(body, SECRET, nowS()) },
      }),
    ],
    [
      "a timestamp 301 s old",
      (body) => ({ body, headers: { "stripe-signature": signedHeader(body, SECRET, nowS() - 301) } }),
    ],
    [
      "a timestamp 10 minutes in the future",
      (body) => ({ body, headers: { "stripe-signature": signedHeader(body, SECRET, nowS() + 600) } }),
    ],
    [
      "a header without a timestamp",
      (body) => ({ body, headers: { "stripe-signature": v1(signedHeader(body, SECRET, nowS())) } }),
    ],
    [
      "a signed body that is not an event",
      () => ({ body: "{}", headers: { "stripe-signature": signedHeader("{}", SECRET, nowS()) } }),
    ],
  ];

  it.each(cases)("%s → 400 with a short reason", async (_name, make) => {
    const { body, headers } = make(payload());
    const res = await post(server.url, body, headers);
    expect(res.status).toBe(400);
    const answer = (await res.json()) as { error: string };
    expect(answer.error).toMatch(/^[A-Z][^\n]{5,80}\.$/);
    expect(await written()).toEqual({ events: 0, jobs: 0 });
  });

  it("answers 503 when the install has no webhook secret", async () => {
    const body = payload();
    const res = await post(unconfigured.url, body, {
      "stripe-signature": signedHeader(body, SECRET, nowS()),
    });
    expect(res.status).toBe(503);
    expect(await written()).toEqual({ events: 0, jobs: 0 });
  });
});

describe("POST /webhooks/stripe accepts", () => {
  it("a delivery signed 300 s ago, or 30 s ahead (clock skew)", async () => {
    for (const at of [nowS() - 300, nowS() + 30]) {
      const body = JSON.stringify(
        stripeEvent({ type: "invoice.paid", object: { id: `in_${at}` }, created: at }),
      );
      const res = await post(server.url, body, { "stripe-signature": signedHeader(body, SECRET, at) });
      expect(res.status).toBe(200);
    }
    expect(await written()).toEqual({ events: 2, jobs: 2 });
  });

  it("two v1 signatures, one wrong and one right (a secret being rolled)", async () => {
    const body = payload();
    const right = signedHeader(body, SECRET, nowS());
    const wrong = v1(signedHeader(body, "whsec_old", nowS()));
    const res = await post(server.url, body, { "stripe-signature": `t=${nowS()},${wrong},${v1(right)}` });
    expect(res.status).toBe(200);
    expect(await written()).toEqual({ events: 1, jobs: 1 });
  });

  it("a repeated delivery once: one inbox row, one job, the repeat answered as a duplicate", async () => {
    const body = payload();
    const answers = [];
    for (let i = 0; i < 3; i++) {
      const res = await post(server.url, body, { "stripe-signature": signedHeader(body, SECRET, nowS()) });
      answers.push([res.status, ((await res.json()) as { duplicate: boolean }).duplicate]);
    }
    expect(answers).toEqual([
      [200, false],
      [200, true],
      [200, true],
    ]);
    expect(await written()).toEqual({ events: 1, jobs: 1 });
    const [job] = await queuedJobs();
    expect(job?.key).toMatch(/^stripe-event:evt_/);
  });

  it("concurrent deliveries, repeats among them, are stored once each and exactly one of each is new", async () => {
    const events = Array.from({ length: 30 }, (_, i) =>
      JSON.stringify(stripeEvent({ type: "invoice.paid", object: { id: `in_c${i}` }, created: nowS() })),
    );
    const bodies = [...events, ...events, ...events.slice(0, 10)];
    const answers = await Promise.all(
      bodies.map(async (body) => {
        const res = await post(server.url, body, { "stripe-signature": signedHeader(body, SECRET, nowS()) });
        return { body, status: res.status, ...((await res.json()) as { duplicate: boolean }) };
      }),
    );
    expect(answers.every((a) => a.status === 200)).toBe(true);
    for (const body of events) {
      expect(answers.filter((a) => a.body === body && !a.duplicate)).toHaveLength(1);
    }
    expect(await written()).toEqual({ events: 30, jobs: 30 });
  });

  it("one event the database cannot store fails alone, not the deliveries grouped with it", async () => {
    // A NUL character is valid JSON but not storable as jsonb.
    const bad = JSON.stringify(
      stripeEvent({ type: "invoice.paid", object: { id: "in_\u0000" }, created: nowS() }),
    );
    const good = Array.from({ length: 20 }, (_, i) =>
      JSON.stringify(stripeEvent({ type: "invoice.paid", object: { id: `in_g${i}` }, created: nowS() })),
    );
    const statuses = await Promise.all(
      [...good.slice(0, 10), bad, ...good.slice(10)].map(
        async (body) =>
          (await post(server.url, body, { "stripe-signature": signedHeader(body, SECRET, nowS()) })).status,
      ),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(20);
    expect(statuses[10]).toBe(500);
    expect(await written()).toEqual({ events: 20, jobs: 20 });
  });

  it("follows the server's clock: a delivery signed an hour ago passes once the clock is set back", async () => {
    const at = nowS() - 3600;
    const body = JSON.stringify(stripeEvent({ type: "invoice.paid", object: { id: "in_old" }, created: at }));
    const header = signedHeader(body, SECRET, at);
    expect((await post(server.url, body, { "stripe-signature": header })).status).toBe(400);
    const saved = clock.now();
    clock.set(new Date(at * 1000 + 60_000));
    try {
      expect((await post(server.url, body, { "stripe-signature": header })).status).toBe(200);
    } finally {
      clock.set(saved);
    }
  });
});
