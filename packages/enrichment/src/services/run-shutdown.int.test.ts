import { getBalance } from "@quarry/credits/services/get-balance";
import { ledgerCtx } from "@quarry/credits/testing/fixtures";
import { sql } from "kysely";
import { expect, it } from "vitest";
import type { ProviderDefinition } from "../providers/provider.ts";
import {
  contactsByEmail,
  itemCounts,
  runDueJobs,
  startContactRun,
  startTestWorker,
  waitFor,
} from "../testing/fixtures.ts";
import { useTestDatabase } from "../testing/test-database.ts";
import { foundTitle, type ProviderCall, testDeps, testProvider } from "../testing/test-providers.ts";
import { getRun } from "./get-run.ts";

const t = useTestDatabase();

function limitedDeps(calls: ProviderCall[], rateLimit: ProviderDefinition["rateLimit"]) {
  const vendor = testProvider(
    {
      id: "limited",
      contact: ["title"],
      cost: 1,
      batchSize: 1,
      rateLimit,
      answer: () => foundTitle("Engineer", 90),
    },
    calls,
  );
  return testDeps([vendor]);
}

it("a worker stopped mid-batch ends it at the next call boundary; the rest goes back to pending for the next worker", async () => {
  const calls: ProviderCall[] = [];
  // One call per ten minutes: after the first call every other chunk waits for its slot far longer
  // than the test runs, so only the shutdown can end the batch.
  const deps = limitedDeps(calls, { requests: 1, perMs: 600_000 });
  const { w, run: created } = await startContactRun(t.db, deps, {
    credits: 10,
    contacts: contactsByEmail("s", 3),
  });
  // The abort signal fires as soon as the shutdown starts, not 5 s later.
  const runner = await startTestWorker(t.url, t.db, deps, 1, { worker: { gracefulShutdownAbortTimeout: 0 } });
  await waitFor(async () => (await itemCounts(t.db, created.id)).found === 1);
  await runner.stop();

  expect(calls).toHaveLength(1);
  expect(await itemCounts(t.db, created.id)).toEqual({ found: 1, pending: 2 });
  const pending = await t.db
    .selectFrom("enrichment_run_items")
    .select(["attempts", "error", "claimed_by"])
    .where("run_id", "=", created.id)
    .where("status", "=", "pending")
    .execute();
  expect(pending).toEqual([
    { attempts: 0, error: null, claimed_by: null },
    { attempts: 0, error: null, claimed_by: null },
  ]);
  expect(await getBalance(ledgerCtx(t.db, w.workspaceId))).toEqual({ available: 9, held: 0, spent: 1 });
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from graphile_worker.jobs
    where task_identifier = 'enrichment/run-batch' and locked_at is null`.execute(t.db);
  expect(rows[0]?.n).toBe(1);

  // The next worker (the vendor's limit lifted) finishes the batch.
  await runDueJobs(t.url, t.db, limitedDeps(calls, null));
  expect(calls).toHaveLength(3);
  const done = await getRun(w.ctx, created.id);
  expect(done.status).toBe("completed");
  expect(done.counts).toMatchObject({ found: 3 });
});
