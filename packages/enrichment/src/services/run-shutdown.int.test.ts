import { testOutbound } from "@quarry/core/testing/test-outbound";
import { getBalance } from "@quarry/credits/services/get-balance";
import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { toWorkerTaskList } from "@quarry/queue/define-task";
import { Logger, run } from "graphile-worker";
import { sql } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { ProviderDefinition, ProviderOutcome } from "../providers/provider.ts";
import { enrichmentTasks } from "../tasks/index.ts";
import { enrichmentWorkspace, insertContacts, itemCounts, runDueJobs, waitFor } from "../testing/fixtures.ts";
import { type ProviderCall, testDeps, testProvider } from "../testing/test-providers.ts";
import { createRun } from "./create-run.ts";
import { getRun } from "./get-run.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

const title: ProviderOutcome = {
  status: "found",
  values: [{ field: "title", value: "Engineer", confidence: 90, verification: "valid" }],
};

function limitedDeps(calls: ProviderCall[], rateLimit: ProviderDefinition["rateLimit"]) {
  const vendor = testProvider(
    { id: "limited", contact: ["title"], cost: 1, batchSize: 1, rateLimit, answer: () => title },
    calls,
  );
  return testDeps([vendor]);
}

it("a worker stopped mid-batch ends it at the next call boundary; the rest goes back to pending for the next worker", async () => {
  const calls: ProviderCall[] = [];
  // One call per ten minutes: after the first call every other chunk waits for its slot far longer
  // than the test runs, so only the shutdown can end the batch.
  const deps = limitedDeps(calls, { requests: 1, perMs: 600_000 });
  const w = await enrichmentWorkspace(t.db, 10);
  const ids = await insertContacts(
    t.db,
    w.workspaceId,
    Array.from({ length: 3 }, (_, i) => ({ email: `s${i}@example.com` })),
  );
  const created = await createRun(w.ctx, deps, {
    entity: "contact",
    selection: { ids },
    fields: ["title"],
    overwrite: false,
  });
  const runner = await run({
    connectionString: t.url,
    concurrency: 1,
    noHandleSignals: true,
    pollInterval: 100,
    taskList: toWorkerTaskList(enrichmentTasks(deps), t.db, testOutbound),
    logger: new Logger(() => () => {}),
    // The abort signal fires as soon as the shutdown starts, not 5 s later.
    preset: { worker: { gracefulShutdownAbortTimeout: 0 } },
  });
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
  expect(await getBalance(t.db, w.workspaceId)).toEqual({ available: 9, held: 0, spent: 1 });
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
