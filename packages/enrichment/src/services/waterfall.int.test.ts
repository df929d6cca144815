import { silentLogger } from "@quarry/core/logger";
import { getBalance } from "@quarry/credits/services/get-balance";
import { ledgerCtx } from "@quarry/credits/testing/fixtures";
import { contactEntity } from "@quarry/records/schemas/entities";
import { getRecord } from "@quarry/records/services/get-record";
import { updateRecord } from "@quarry/records/services/update-record";
import { describe, expect, it } from "vitest";
import type { ProviderOutcome } from "../providers/provider.ts";
import {
  answeredBeforeWorkerDied,
  capturesOf,
  contactsByEmail,
  createContactRun,
  enrichmentWorkspace,
  insertContacts,
  itemCounts,
  runDueJobs,
  startContactRun,
  waitFor,
} from "../testing/fixtures.ts";
import { useTestDatabase } from "../testing/test-database.ts";
import { foundTitle, type ProviderCall, testDeps, testProvider } from "../testing/test-providers.ts";
import { getRun } from "./get-run.ts";
import { previewRun } from "./preview-run.ts";
import { reapStaleClaims } from "./reap-stale-claims.ts";
import { updateEnrichmentSettings } from "./settings.ts";

const t = useTestDatabase();

function threeProviders(calls: ProviderCall[]) {
  return [
    testProvider(
      { id: "low", contact: ["title"], cost: 1, answer: () => foundTitle("Low guess", 40) },
      calls,
    ),
    testProvider(
      { id: "good", contact: ["title"], cost: 2, answer: () => foundTitle("VP Sales", 90) },
      calls,
    ),
    testProvider({ id: "best", contact: ["title"], cost: 3, answer: () => foundTitle("Chief", 99) }, calls),
  ];
}

describe("waterfall", () => {
  it("tries providers in order and stops at the first confident value; the rest are not called or charged", async () => {
    const calls: ProviderCall[] = [];
    const deps = testDeps(threeProviders(calls));
    const { w, ids, run } = await startContactRun(t.db, deps, {
      credits: 100,
      contacts: [{ email: "ada@example.com" }],
    });
    const [id = ""] = ids;
    await runDueJobs(t.url, t.db, deps);

    expect(calls.map((c) => c.provider)).toEqual(["low", "good"]);
    const done = await getRun(w.ctx, run.id);
    expect(done.status).toBe("completed");
    expect(done.counts).toMatchObject({ total: 1, found: 1 });
    const record = await getRecord(w.ctx, contactEntity, id);
    expect(record.title).toBe("VP Sales");
    expect(record.sources.title).toMatchObject({ provider: "good", confidence: 90, verification: "valid" });
    // Only the value used is charged: 2 credits for "good"; "low" answered below the threshold.
    expect(await capturesOf(t.db, run.id)).toEqual([{ record_id: id, field: "title", n: 1, amount: 2 }]);
    expect(await getBalance(ledgerCtx(t.db, w.workspaceId))).toEqual({ available: 98, held: 0, spent: 2 });
    const activity = await t.db
      .selectFrom("record_activity")
      .select(["source", "changes"])
      .where("record_id", "=", id)
      .execute();
    expect(activity).toEqual([
      { source: "enrichment", changes: [{ field: "title", old: null, new: "VP Sales", provider: "good" }] },
    ]);
  });

  it("follows the workspace's own order and threshold", async () => {
    const calls: ProviderCall[] = [];
    const deps = testDeps(threeProviders(calls));
    const w = await enrichmentWorkspace(t.db, 100);
    await updateEnrichmentSettings(w.ctx, deps, {
      data: {
        confidenceThreshold: 30,
        waterfalls: [{ entity: "contact", field: "title", providers: ["best", "low"] }],
      },
    });
    const [a = "", b = ""] = await insertContacts(t.db, w.workspaceId, [
      { email: "a@example.com" },
      { email: "b@x.io" },
    ]);
    await createContactRun(w.ctx, deps, [a, b]);
    await runDueJobs(t.url, t.db, deps);
    expect(calls.map((c) => c.provider)).toEqual(["best"]);
    expect(calls[0]?.recordIds.sort()).toEqual([a, b].sort());
    expect((await getRecord(w.ctx, contactEntity, a)).title).toBe("Chief");

    // A threshold above every answer: each provider is asked once, nothing is used or charged.
    const calls2: ProviderCall[] = [];
    const deps2 = testDeps(threeProviders(calls2));
    await updateEnrichmentSettings(w.ctx, deps2, {
      data: {
        confidenceThreshold: 100,
        waterfalls: [{ entity: "contact", field: "title", providers: null }],
      },
    });
    const [c = ""] = await insertContacts(t.db, w.workspaceId, [{ email: "c@example.com" }]);
    const run = await createContactRun(w.ctx, deps2, [c]);
    await runDueJobs(t.url, t.db, deps2);
    expect(calls2.map((x) => x.provider)).toEqual(["low", "good", "best"]);
    const done = await getRun(w.ctx, run.id);
    expect(done.counts).toMatchObject({ notFound: 1, found: 0 });
    expect(done.reasons[0]?.reason).toMatch(/confidence 99, below the threshold of 100/);
    expect(await capturesOf(t.db, run.id)).toEqual([]);
  });

  it("never overwrites a value a user typed unless the run asks to", async () => {
    const calls: ProviderCall[] = [];
    const deps = testDeps(threeProviders(calls));
    const { w, ids, run } = await startContactRun(t.db, deps, {
      credits: 100,
      contacts: [{ email: "typed@example.com", title: "Founder" }, { email: "empty@example.com" }],
    });
    const [typed = ""] = ids;
    expect(run.counts).toMatchObject({ skipped: 1, pending: 1 });
    expect(run.reasons).toEqual([
      { status: "skipped", reason: "A user typed this value: run with overwrite to replace it.", count: 1 },
    ]);
    await runDueJobs(t.url, t.db, deps);
    expect(calls.flatMap((c) => c.recordIds)).not.toContain(typed);
    const rctx = w.ctx;
    expect((await getRecord(rctx, contactEntity, typed)).title).toBe("Founder");

    // A user types over between snapshot and lookup: the late value is not written or charged.
    const [late = ""] = await insertContacts(t.db, w.workspaceId, [{ email: "late@example.com" }]);
    const lateRun = await createContactRun(w.ctx, deps, [late]);
    await updateRecord(rctx, contactEntity, late, { title: "Typed meanwhile" });
    await runDueJobs(t.url, t.db, deps);
    expect((await getRecord(rctx, contactEntity, late)).title).toBe("Typed meanwhile");
    expect(await itemCounts(t.db, lateRun.id)).toEqual({ skipped: 1 });
    expect(await capturesOf(t.db, lateRun.id)).toEqual([]);

    // With overwrite the typed value is replaced and gets provenance; a user edit removes it again.
    await createContactRun(w.ctx, deps, [typed], { overwrite: true });
    await runDueJobs(t.url, t.db, deps);
    const replaced = await getRecord(rctx, contactEntity, typed);
    expect(replaced.title).toBe("VP Sales");
    expect(replaced.sources.title?.provider).toBe("good");
    const edited = await updateRecord(rctx, contactEntity, typed, { title: "CEO" });
    expect(edited.sources).toEqual({});
  });

  it("previews expected and worst-case cost per field and provider", async () => {
    const calls: ProviderCall[] = [];
    const deps = testDeps(threeProviders(calls));
    const w = await enrichmentWorkspace(t.db, 5);
    const ids = await insertContacts(t.db, w.workspaceId, [
      { email: "p1@example.com" },
      { email: "p2@example.com" },
      { email: "p3@example.com", title: "Typed" },
    ]);
    const preview = await previewRun(
      w.ctx,
      deps,
      { entity: "contact", selection: { ids }, fields: ["title"], overwrite: false },
      { canReadBalance: true },
    );
    expect(preview.fields[0]).toMatchObject({ field: "title", needed: 2, skipped: 1, worstCaseCost: 6 });
    // 50% hit rate by default: low finds 1 of 2 (1 credit), good 0.5 of the rest (1), best 0.25 (1).
    expect(preview.fields[0]?.providers.map((p) => [p.provider, p.expectedFound, p.expectedCost])).toEqual([
      ["low", 1, 1],
      ["good", 0.5, 1],
      ["best", 0.3, 1],
    ]);
    expect(preview).toMatchObject({ expectedCost: 3, worstCaseCost: 6, available: 5, covered: false });
    expect(calls).toEqual([]);
  });
});

describe("errors and credits", () => {
  it("retries 429 after Retry-After, skips a provider that answers 401, and counts it toward the breaker", async () => {
    const calls: ProviderCall[] = [];
    const flaky = testProvider(
      {
        id: "flaky",
        contact: ["title"],
        answer: (_, n): ProviderOutcome =>
          n === 1
            ? { status: "error", retryable: true, retryAfterMs: 300, code: "rate_limited", message: "429" }
            : foundTitle("Engineer", 80),
      },
      calls,
    );
    const denied = testProvider(
      {
        id: "denied",
        contact: ["phone"],
        answer: () => ({ status: "error", retryable: false, code: "unauthorized", message: "401 bad key" }),
      },
      calls,
    );
    const deps = testDeps([flaky, denied]);
    const { w, run } = await startContactRun(t.db, deps, {
      credits: 10,
      contacts: [{ email: "r@example.com" }],
      fields: ["title", "phone"],
    });
    await runDueJobs(t.url, t.db, deps);
    // The 401 fails its item at once. The 429's retry waits out Retry-After: a loaded machine may
    // still be running due jobs when it comes due, so run them until it has happened, and check
    // the wait from the calls' start times (late is possible, early is not).
    expect((await itemCounts(t.db, run.id)).failed).toBe(1);
    await waitFor(async () => {
      await runDueJobs(t.url, t.db, deps);
      return calls.filter((c) => c.provider === "flaky").length >= 2;
    });
    const flakyCalls = calls.filter((c) => c.provider === "flaky");
    expect(flakyCalls).toHaveLength(2);
    expect((flakyCalls[1]?.startedAt ?? 0) - (flakyCalls[0]?.startedAt ?? 0)).toBeGreaterThanOrEqual(300);
    expect(calls.filter((c) => c.provider === "denied")).toHaveLength(1);
    const done = await getRun(w.ctx, run.id);
    expect(done.status).toBe("completed");
    expect(done.counts).toMatchObject({ found: 1, failed: 1 });
    expect(done.reasons).toContainEqual({ status: "failed", reason: "Test denied: 401 bad key", count: 1 });
    const health = await t.db
      .selectFrom("provider_health")
      .selectAll()
      .where("workspace_id", "=", w.workspaceId)
      .execute();
    // The 429 counted as a failure, the success after it reset the count; the 401 counts.
    expect(health.map((h) => [h.provider, h.consecutive_failures]).sort()).toEqual([
      ["denied", 1],
      ["flaky", 0],
    ]);
  });

  it("a batch taken back from a dead worker re-uses the answers its run already has", async () => {
    const calls: ProviderCall[] = [];
    const miss = testProvider(
      { id: "miss", contact: ["title"], answer: () => ({ status: "not_found" }) },
      calls,
    );
    const hit = testProvider(
      { id: "hit", contact: ["title"], answer: () => foundTitle("Engineer", 80) },
      calls,
    );
    const deps = testDeps([miss, hit]);
    const { w, ids, run } = await startContactRun(t.db, deps, {
      credits: 10,
      contacts: [{ email: "again@example.com" }],
    });
    const [id = ""] = ids;
    // A worker claimed the item, "miss" answered not found, then the worker died.
    await answeredBeforeWorkerDied(t.db, {
      workspaceId: w.workspaceId,
      runId: run.id,
      recordId: id,
      provider: "miss",
    });
    await runDueJobs(t.url, t.db, deps);
    expect(calls.map((c) => c.provider)).toEqual(["hit"]);
    const done = await getRun(w.ctx, run.id);
    expect(done.counts).toMatchObject({ found: 1 });
    const record = await getRecord(w.ctx, contactEntity, id);
    expect(record.sources.title).toMatchObject({ provider: "hit" });
  });

  it.each([
    { cost: 0, what: "free" },
    { cost: 1, what: "paid" },
  ])(
    "a worker whose claim was taken back writes nothing when its call returns ($what provider)",
    async ({ cost }) => {
      const calls: ProviderCall[] = [];
      // The first call is held out until the reaper has run, however slow the machine.
      let reaped = () => {};
      const afterReap = new Promise<void>((resolve) => {
        reaped = resolve;
      });
      const slow = testProvider(
        {
          id: "slow",
          contact: ["title"],
          cost,
          gate: (n) => (n === 1 ? afterReap : undefined),
          answer: (_, n) => foundTitle(n === 1 ? "Stale title" : "Fresh title", 90),
        },
        calls,
      );
      const deps = testDeps([slow]);
      const { w, ids, run } = await startContactRun(t.db, deps, {
        credits: 100,
        contacts: [{ email: "s1@example.com" }, { email: "s2@example.com" }],
      });
      const working = runDueJobs(t.url, t.db, deps);
      await waitFor(async () => calls.length > 0);
      // The reaper takes the claim back (as from a worker it believes dead) while the call is out.
      await reapStaleClaims(t.db, { staleAfterMs: 0, requeue: async () => {}, log: silentLogger });
      reaped();
      await working;

      expect(calls).toHaveLength(2);
      for (const id of ids) {
        const record = await getRecord(w.ctx, contactEntity, id);
        expect(record.title).toBe("Fresh title");
        const activity = await t.db
          .selectFrom("record_activity")
          .select("changes")
          .where("record_id", "=", id)
          .execute();
        expect(activity).toEqual([
          { changes: [{ field: "title", old: null, new: "Fresh title", provider: "slow" }] },
        ]);
      }
      expect(await capturesOf(t.db, run.id)).toHaveLength(cost ? 2 : 0);
      expect(await getBalance(ledgerCtx(t.db, w.workspaceId))).toEqual({
        available: 100 - 2 * cost,
        held: 0,
        spent: 2 * cost,
      });
      expect((await getRun(w.ctx, run.id)).counts).toMatchObject({ found: 2 });
    },
  );

  it("a provider call marks the workspace's vendor key used; a run that never calls it does not", async () => {
    const calls: ProviderCall[] = [];
    const finder = testProvider(
      { id: "hunter-email-finder", contact: ["title"], answer: () => foundTitle("Engineer", 90) },
      calls,
    );
    const deps = testDeps([finder]);
    const w = await enrichmentWorkspace(t.db, 10);
    await t.db
      .insertInto("provider_keys")
      .values({
        workspace_id: w.workspaceId,
        provider_id: "hunter",
        ciphertext: "v1.x",
        key_id: "k0",
        last4: "abcd",
      })
      .execute();
    const lastUsed = async () =>
      (
        await t.db
          .selectFrom("provider_keys")
          .select("last_used_at")
          .where("workspace_id", "=", w.workspaceId)
          .executeTakeFirstOrThrow()
      ).last_used_at;
    const ids = await insertContacts(t.db, w.workspaceId, [{ email: "used@example.com" }]);
    await createContactRun(w.ctx, deps, ids);
    expect(await lastUsed()).toBeNull();
    await runDueJobs(t.url, t.db, deps);
    expect(calls).toHaveLength(1);
    expect(await lastUsed()).toBeInstanceOf(Date);
  });

  it("stops a run that would overdraw, with the ledger's message, and releases what was held", async () => {
    const calls: ProviderCall[] = [];
    const paid = testProvider(
      { id: "paid", contact: ["title"], cost: 5, batchSize: 2, answer: () => foundTitle("Paid", 90) },
      calls,
    );
    const deps = testDeps([paid], { batchRecords: 2 });
    const { w, run } = await startContactRun(t.db, deps, { credits: 12, contacts: contactsByEmail("o", 6) });
    await runDueJobs(t.url, t.db, deps);
    const done = await getRun(w.ctx, run.id);
    expect(done.status).toBe("stopped");
    expect(done.stopReason).toBe("Not enough credits: 2 available, 10 needed.");
    expect(done.counts).toMatchObject({ found: 2, cancelled: 4 });
    expect(await getBalance(ledgerCtx(t.db, w.workspaceId))).toEqual({ available: 2, held: 0, spent: 10 });
    expect(calls).toHaveLength(1);
  });

  it("stops at the per-run spend cap before the call that would pass it", async () => {
    const calls: ProviderCall[] = [];
    const paid = testProvider(
      { id: "paid", contact: ["title"], cost: 3, batchSize: 1, answer: () => foundTitle("Paid", 90) },
      calls,
    );
    const deps = testDeps([paid]);
    const w = await enrichmentWorkspace(t.db, 100);
    await t.db.insertInto("credit_settings").values({ workspace_id: w.workspaceId, run_cap: 7 }).execute();
    const ids = await insertContacts(t.db, w.workspaceId, [
      { email: "c1@example.com" },
      { email: "c2@example.com" },
      { email: "c3@example.com" },
    ]);
    const run = await createContactRun(w.ctx, deps, ids);
    await runDueJobs(t.url, t.db, deps);
    const done = await getRun(w.ctx, run.id);
    expect(done.status).toBe("stopped");
    expect(done.stopReason).toMatch(/^Per-run spend cap reached/);
    expect(calls).toHaveLength(2);
    expect(await getBalance(ledgerCtx(t.db, w.workspaceId))).toEqual({ available: 94, held: 0, spent: 6 });
  });
});
