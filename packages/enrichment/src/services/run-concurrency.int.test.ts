import { getBalance } from "@quarry/credits/services/get-balance";
import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import type { Runner } from "graphile-worker";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { runBatchTask } from "../tasks/run-batch.task.ts";
import {
  capturesOf,
  enrichmentWorkspace,
  insertContacts,
  itemCounts,
  startTestWorker,
  waitFor,
} from "../testing/fixtures.ts";
import { type ProviderCall, testDeps, testProvider } from "../testing/test-providers.ts";
import { cancelRun } from "./cancel-run.ts";
import { createRun } from "./create-run.ts";
import { getRun } from "./get-run.ts";

let t: TestDatabase;
const runners: Runner[] = [];
beforeAll(async () => {
  t = await createTestDatabase();
});
async function stopRunners() {
  for (const r of runners.splice(0)) await r.stop();
}
afterEach(stopRunners);
afterAll(() => t.drop());

const found = (id: string) => ({
  status: "found" as const,
  values: [{ field: "title" as const, value: `T ${id.slice(0, 4)}`, confidence: 95 }],
});

it("two workers on one run never call a provider twice for a (record, field) and never exceed its rate limit", async () => {
  const calls: ProviderCall[] = [];
  // 20 requests per second, one record per request: 60 records take about three seconds.
  const counted = testProvider(
    {
      id: "counted",
      contact: ["title"],
      cost: 1,
      batchSize: 1,
      latencyMs: 5,
      rateLimit: { requests: 20, perMs: 1000 },
      answer: (input) => found(input.recordId),
    },
    calls,
  );
  const deps = testDeps([counted], { batchRecords: 5 });
  const w = await enrichmentWorkspace(t.db, 1000);
  const ids = await insertContacts(
    t.db,
    w.workspaceId,
    Array.from({ length: 60 }, (_, i) => ({ email: `c${i}@example.com` })),
  );
  const run = await createRun(w.ctx, deps, {
    entity: "contact",
    selection: { ids },
    fields: ["title"],
    overwrite: false,
  });
  // Duplicate jobs for every batch (no job key): both workers race for the same items.
  for (let batch = 0; batch < 12; batch++) {
    await runBatchTask.enqueue(t.db, { workspaceId: w.workspaceId, runId: run.id, batch });
  }
  runners.push(await startTestWorker(t.url, t.db, deps, 4), await startTestWorker(t.url, t.db, deps, 4));
  await waitFor(async () => (await getRun(w.ctx, run.id)).status === "completed", 30_000);

  const called = calls.flatMap((c) => c.recordIds);
  expect(called).toHaveLength(60);
  expect(new Set(called).size).toBe(60);
  // Slots are 52.5 ms apart in PostgreSQL (5% headroom); +1 tolerates a call on a window's edge.
  const starts = calls.map((c) => c.startedAt).sort((a, b) => a - b);
  const busiest = Math.max(...starts.map((s) => starts.filter((x) => x >= s && x < s + 1000).length));
  expect(busiest).toBeLessThanOrEqual(21);
  expect((starts.at(-1) ?? 0) - (starts[0] ?? 0)).toBeGreaterThanOrEqual(2800);

  const captures = await capturesOf(t.db, run.id);
  expect(captures).toHaveLength(60);
  expect(captures.every((c) => c.n === 1 && c.amount === 1)).toBe(true);
  expect(await getBalance(t.db, w.workspaceId)).toEqual({ available: 940, held: 0, spent: 60 });
});

it("cancel: no provider call starts after cancel returns, calls in flight are aborted, held credits return", async () => {
  const calls: ProviderCall[] = [];
  const slow = testProvider(
    {
      id: "slow",
      contact: ["title"],
      cost: 2,
      batchSize: 5,
      latencyMs: 1000,
      answer: (input) => found(input.recordId),
    },
    calls,
  );
  const deps = testDeps([slow], { batchRecords: 5 });
  const w = await enrichmentWorkspace(t.db, 1000);
  const ids = await insertContacts(
    t.db,
    w.workspaceId,
    Array.from({ length: 100 }, (_, i) => ({ email: `k${i}@example.com` })),
  );
  const run = await createRun(w.ctx, deps, {
    entity: "contact",
    selection: { ids },
    fields: ["title"],
    overwrite: false,
  });
  runners.push(await startTestWorker(t.url, t.db, deps, 3));
  await waitFor(
    async () =>
      calls.length >= 4 &&
      calls.some((c) => c.endedAt === null) &&
      (await getBalance(t.db, w.workspaceId)).held > 0,
  );

  const requested = Date.now();
  await cancelRun(w.ctx, run.id);
  const acknowledged = Date.now();
  const done = await waitFor(async () => {
    const r = await getRun(w.ctx, run.id);
    return r.status === "cancelled" ? r : null;
  }, 5_000);

  expect(calls.filter((c) => c.startedAt > acknowledged)).toEqual([]);
  // In flight when cancel was asked and, left alone (1000 ms), still running when it returned: a
  // worker may notice the cancel (and abort) before cancelRun itself has returned.
  const inFlight = calls.filter(
    (c) => (c.endedAt ?? Infinity) > requested && c.startedAt + 1000 > acknowledged,
  );
  expect(inFlight.length).toBeGreaterThan(0);
  for (const c of inFlight) {
    expect(c.aborted).toBe(true);
    expect((c.endedAt ?? Infinity) - acknowledged).toBeLessThan(1000);
  }
  const counts = await itemCounts(t.db, run.id);
  expect(counts.pending ?? 0).toBe(0);
  expect(counts.claimed ?? 0).toBe(0);
  expect(counts.cancelled ?? 0).toBeGreaterThan(0);
  expect(done.counts.found).toBe(counts.found ?? 0);
  const captured = (await capturesOf(t.db, run.id)).length;
  expect(captured).toBe(counts.found ?? 0);
  expect(await getBalance(t.db, w.workspaceId)).toEqual({
    available: 1000 - 2 * captured,
    held: 0,
    spent: 2 * captured,
  });
});

it("cancel: a batch between two calls starts no further call once cancel returns", async () => {
  const calls: ProviderCall[] = [];
  const quick = testProvider(
    {
      id: "quick",
      contact: ["title"],
      cost: 1,
      batchSize: 2,
      latencyMs: 60,
      answer: (i) => found(i.recordId),
    },
    calls,
  );
  // Calls end long before the in-flight poll would notice: only the check before each call stops them.
  const deps = testDeps([quick], { batchRecords: 40, cancelPollMs: 10_000 });
  const w = await enrichmentWorkspace(t.db, 1000);
  const ids = await insertContacts(
    t.db,
    w.workspaceId,
    Array.from({ length: 120 }, (_, i) => ({ email: `q${i}@example.com` })),
  );
  const run = await createRun(w.ctx, deps, {
    entity: "contact",
    selection: { ids },
    fields: ["title"],
    overwrite: false,
  });
  runners.push(await startTestWorker(t.url, t.db, deps, 3));
  await waitFor(async () => calls.length >= 6);
  await cancelRun(w.ctx, run.id);
  const acknowledged = Date.now();
  await waitFor(async () => (await getRun(w.ctx, run.id)).status === "cancelled", 5_000);
  expect(calls.filter((c) => c.startedAt > acknowledged)).toEqual([]);
  expect(calls.length).toBeLessThan(60);
  expect((await getBalance(t.db, w.workspaceId)).held).toBe(0);
});
