import { getBalance } from "@quarry/credits/services/get-balance";
import { ledgerCtx } from "@quarry/credits/testing/fixtures";
import { describe, expect, it } from "vitest";
import {
  answeredBeforeWorkerDied,
  capturesOf,
  itemCounts,
  runDueJobs,
  startContactRun,
} from "../testing/fixtures.ts";
import { useTestDatabase } from "../testing/test-database.ts";
import { foundTitle, type ProviderCall, testDeps, testProvider } from "../testing/test-providers.ts";
import { releaseRunHolds } from "./finish-run.ts";
import { getRun } from "./get-run.ts";

const t = useTestDatabase();

/** An earlier claim of the run asked `provider` about `recordId`, which found a title; then its worker died. */
const loggedFoundAnswer = (workspaceId: string, runId: string, recordId: string, provider: string) =>
  answeredBeforeWorkerDied(t.db, {
    workspaceId,
    runId,
    recordId,
    provider,
    title: { value: "Logged title", confidence: 90 },
  });

describe("values re-used from this run's lookups", () => {
  it("a re-used found value is held and charged once, with no vendor call", async () => {
    const calls: ProviderCall[] = [];
    const paid = testProvider(
      { id: "paid", contact: ["title"], cost: 2, answer: () => foundTitle("Fresh", 90) },
      calls,
    );
    const deps = testDeps([paid]);
    const {
      w,
      ids: [id = ""],
      run,
    } = await startContactRun(t.db, deps, { credits: 10, contacts: [{ email: "reused@example.com" }] });
    await loggedFoundAnswer(w.workspaceId, run.id, id, "paid");

    await runDueJobs(t.url, t.db, deps);

    expect(calls).toHaveLength(0);
    expect((await getRun(w.ctx, run.id)).counts).toMatchObject({ found: 1 });
    expect(await capturesOf(t.db, run.id)).toEqual([{ record_id: id, field: "title", n: 1, amount: 2 }]);
    expect(await getBalance(ledgerCtx(t.db, w.workspaceId))).toEqual({ available: 8, held: 0, spent: 2 });
  });

  it("a chunk mixing a re-used and a fresh found value holds both, calls the vendor once and charges each once", async () => {
    const calls: ProviderCall[] = [];
    // Only the first call finds: a second call (the chunk looked up again) would answer not found.
    const paid = testProvider(
      {
        id: "paid",
        contact: ["title"],
        cost: 1,
        batchSize: 2,
        answer: (_, n) => (n === 1 ? foundTitle("Fresh", 90) : { status: "not_found" }),
      },
      calls,
    );
    const deps = testDeps([paid]);
    const {
      w,
      ids: [reused = "", fresh = ""],
      run,
    } = await startContactRun(t.db, deps, {
      credits: 10,
      contacts: [{ email: "old@example.com" }, { email: "new@example.com" }],
    });
    await loggedFoundAnswer(w.workspaceId, run.id, reused, "paid");

    await runDueJobs(t.url, t.db, deps);

    expect(calls.map((c) => c.recordIds)).toEqual([[fresh]]);
    expect(await itemCounts(t.db, run.id)).toEqual({ found: 2 });
    const captures = await capturesOf(t.db, run.id);
    expect(captures.map((c) => [c.record_id, c.n, c.amount]).sort()).toEqual(
      [
        [reused, 1, 1],
        [fresh, 1, 1],
      ].sort(),
    );
    expect(await getBalance(ledgerCtx(t.db, w.workspaceId))).toEqual({ available: 8, held: 0, spent: 2 });
  });
});

it("a chunk whose hold is gone before its values are charged counts an attempt each time and ends failed", async () => {
  const calls: ProviderCall[] = [];
  let runId = "";
  let workspaceId = "";
  const base = testProvider(
    { id: "paid", contact: ["title"], cost: 1, answer: () => foundTitle("Found", 90) },
    calls,
  );
  // The run's holds are released while each of the first ten calls is out (as a reaper would).
  const releasing = {
    ...base,
    async enrich(...args: Parameters<typeof base.enrich>) {
      const answers = await base.enrich(...args);
      if (calls.length <= 10) await releaseRunHolds(t.db, workspaceId, runId, null);
      return answers;
    },
  };
  const deps = testDeps([releasing], { maxAttempts: 3, backoffBaseMs: 0, backoffMaxMs: 0 });
  const { w, run } = await startContactRun(t.db, deps, {
    credits: 10,
    contacts: [{ email: "gone@example.com" }],
  });
  workspaceId = w.workspaceId;
  runId = run.id;

  await runDueJobs(t.url, t.db, deps);

  expect(calls).toHaveLength(3);
  const done = await getRun(w.ctx, run.id);
  expect(done.status).toBe("failed");
  expect(done.counts).toMatchObject({ failed: 1 });
  expect(done.reasons).toEqual([
    {
      status: "failed",
      reason:
        "Test paid: the credits held for this value were gone before it was charged (gave up after 3 attempts)",
      count: 1,
    },
  ]);
  expect(await capturesOf(t.db, run.id)).toEqual([]);
  expect(await getBalance(ledgerCtx(t.db, w.workspaceId))).toEqual({ available: 10, held: 0, spent: 0 });
});
