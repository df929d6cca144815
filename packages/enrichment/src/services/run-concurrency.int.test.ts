import { getBalance } from "@quarry/credits/services/get-balance";
import { ledgerCtx } from "@quarry/credits/testing/fixtures";
import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import type { Runner } from "graphile-worker";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { runBatchTask } from "../tasks/run-batch.task.ts";
import {
  capturesOf,
  contactsByEmail,
  itemCounts,
  startContactRun,
  startTestWorker,
  waitFor,
} from "../testing/fixtures.ts";
import { type ProviderCall, testDeps, testProvider } from "../testing/test-providers.ts";
import { cancelRun } from "./cancel-run.ts";
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
  const { w, run } = await startContactRun(t.db, deps, { credits: 1000, contacts: contactsByEmail("c", 60) });
  // Duplicate jobs for every batch (no job key): both workers race for the same items.
  for (let batch = 0; batch < 12; batch++) {
    await runBatchTask.enqueue(t.db, { workspaceId: w.workspaceId, runId: run.id, batch });
  }
  const before = Date.now();
  runners.push(await startTestWorker(t.url, t.db, deps, 4), await startTestWorker(t.url, t.db, deps, 4));
  await waitFor(async () => (await getRun(w.ctx, run.id)).status === "completed", 30_000);

  const called = calls.flatMap((c) => c.recordIds);
  expect(called).toHaveLength(60);
  expect(new Set(called).size).toBe(60);
  // PostgreSQL hands out slots 52.5 ms apart (5% headroom), the first no earlier than `before`, and
  // a call never starts before its slot; it may start later on a loaded machine, so windows of
  // observed start times prove nothing. What holds however late calls run: the k-th call (from 0)
  // starts at least k intervals of the limit (50 ms) after `before`.
  const starts = calls.map((c) => c.startedAt).sort((a, b) => a - b);
  const early = starts.map((s, k) => ({ k, after: s - before })).filter(({ k, after }) => after < k * 50);
  expect(early).toEqual([]);

  const captures = await capturesOf(t.db, run.id);
  expect(captures).toHaveLength(60);
  expect(captures.every((c) => c.n === 1 && c.amount === 1)).toBe(true);
  expect(await getBalance(ledgerCtx(t.db, w.workspaceId))).toEqual({ available: 940, held: 0, spent: 60 });
});

it("cancel: no provider call starts after cancel returns, calls in flight are aborted, held credits return", async () => {
  const calls: ProviderCall[] = [];
  // The first three calls answer at once; every later one lasts until it is aborted, so the calls
  // in flight at cancel cannot end by themselves just before the abort reaches them.
  const never = new Promise<void>(() => {});
  const slow = testProvider(
    {
      id: "slow",
      contact: ["title"],
      cost: 2,
      batchSize: 5,
      gate: (n) => (n > 3 ? never : undefined),
      answer: (input) => found(input.recordId),
    },
    calls,
  );
  const deps = testDeps([slow], { batchRecords: 5 });
  const { w, run } = await startContactRun(t.db, deps, {
    credits: 1000,
    contacts: contactsByEmail("k", 100),
  });
  runners.push(await startTestWorker(t.url, t.db, deps, 3));
  await waitFor(
    async () =>
      calls.length >= 4 &&
      calls.some((c) => c.endedAt === null) &&
      (await getBalance(ledgerCtx(t.db, w.workspaceId))).held > 0,
  );

  await cancelRun(w.ctx, run.id);
  const acknowledged = Date.now();
  const done = await waitFor(async () => {
    const r = await getRun(w.ctx, run.id);
    return r.status === "cancelled" ? r : null;
  }, 5_000);

  expect(calls.filter((c) => c.startedAt > acknowledged)).toEqual([]);
  const inFlight = calls.slice(3);
  expect(inFlight.length).toBeGreaterThan(0);
  // The run ends "cancelled" only once every claim is let go: each call in flight was aborted.
  expect(inFlight.map((c) => ({ aborted: c.aborted, ended: c.endedAt !== null }))).toEqual(
    inFlight.map(() => ({ aborted: true, ended: true })),
  );
  const counts = await itemCounts(t.db, run.id);
  expect(counts.pending ?? 0).toBe(0);
  expect(counts.claimed ?? 0).toBe(0);
  expect(counts.cancelled ?? 0).toBeGreaterThan(0);
  expect(done.counts.found).toBe(counts.found ?? 0);
  const captured = (await capturesOf(t.db, run.id)).length;
  expect(captured).toBe(counts.found ?? 0);
  expect(await getBalance(ledgerCtx(t.db, w.workspaceId))).toEqual({
    available: 1000 - 2 * captured,
    held: 0,
    spent: 2 * captured,
  });
});

it("cancel: a batch between two calls starts no further call once cancel returns", async () => {
  const calls: ProviderCall[] = [];
  // Calls after the sixth wait for the test to cancel: however slow the machine, the run is still
  // mid-batch when cancel returns, with calls in flight and further calls to come.
  let cancelled = () => {};
  const afterCancel = new Promise<void>((resolve) => {
    cancelled = resolve;
  });
  const quick = testProvider(
    {
      id: "quick",
      contact: ["title"],
      cost: 1,
      batchSize: 2,
      latencyMs: 60,
      gate: (n) => (n > 6 ? afterCancel : undefined),
      answer: (i) => found(i.recordId),
    },
    calls,
  );
  // Calls end long before the in-flight poll would notice: only the check before each call stops them.
  const deps = testDeps([quick], { batchRecords: 40, cancelPollMs: 10_000 });
  const { w, run } = await startContactRun(t.db, deps, {
    credits: 1000,
    contacts: contactsByEmail("q", 120),
  });
  runners.push(await startTestWorker(t.url, t.db, deps, 3));
  await waitFor(async () => calls.length >= 6);
  await cancelRun(w.ctx, run.id);
  const acknowledged = Date.now();
  const startedBefore = calls.length;
  cancelled();
  await waitFor(async () => (await getRun(w.ctx, run.id)).status === "cancelled", 5_000);
  expect(calls.filter((c) => c.startedAt > acknowledged)).toEqual([]);
  expect(calls.length).toBe(startedBefore);
  expect(calls.length).toBeLessThan(60);
  expect((await getBalance(ledgerCtx(t.db, w.workspaceId))).held).toBe(0);
});
