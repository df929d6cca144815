import { systemClock } from "@quarry/core/clock";
import { silentLogger } from "@quarry/core/logger";
import { userActor } from "@quarry/core/service-context";
import { testOutbound } from "@quarry/core/testing/test-outbound";
import { workspaceWithCredits } from "@quarry/credits/testing/fixtures";
import type { Database } from "@quarry/db/client";
import type { ServiceCtx } from "@quarry/db/service-context";
import { toWorkerTaskList } from "@quarry/queue/define-task";
import { insertTestUser } from "@quarry/trpc/testing/test-users";
import { Logger as GraphileLogger, type Runner, run, runOnce } from "graphile-worker";
import { sql } from "kysely";
import type { EnrichmentDeps } from "../services/deps.ts";
import { enrichmentTasks } from "../tasks/index.ts";

/** A workspace with `credits` available, an owner, and the context services take acting as them. */
export async function enrichmentWorkspace(db: Database, credits: number) {
  const workspaceId = await workspaceWithCredits(db, credits);
  const owner = await insertTestUser(db);
  await db
    .insertInto("memberships")
    .values({ workspace_id: workspaceId, user_id: owner.user.id, role: "owner" })
    .execute();
  const ctx: ServiceCtx = {
    db,
    workspaceId,
    actor: userActor(owner.user.id),
    log: silentLogger,
    clock: systemClock,
  };
  return { workspaceId, owner, ctx };
}

/** Contacts inserted in bulk (fixtures only: the records services are tested elsewhere). */
export async function insertContacts(
  db: Database,
  workspaceId: string,
  rows: ReadonlyArray<Record<string, string | null>>,
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const inserted = await db
      .insertInto("contacts")
      .values(rows.slice(i, i + 500).map((r) => ({ workspace_id: workspaceId, ...r })))
      .returning("id")
      .execute();
    ids.push(...inserted.map((r) => r.id));
  }
  return ids;
}

/** Runs every enrichment job that is due now, until none is left (graphile-worker runOnce). */
export async function runDueJobs(url: string, db: Database, deps: EnrichmentDeps): Promise<void> {
  await runOnce({
    connectionString: url,
    taskList: toWorkerTaskList(enrichmentTasks(deps), db, testOutbound),
    logger: quietLogger,
  });
}

/** A graphile-worker runner in this process with the enrichment tasks over `deps`. */
export async function startTestWorker(
  url: string,
  db: Database,
  deps: EnrichmentDeps,
  concurrency = 2,
): Promise<Runner> {
  return run({
    connectionString: url,
    concurrency,
    noHandleSignals: true,
    pollInterval: 100,
    taskList: toWorkerTaskList(enrichmentTasks(deps), db, testOutbound),
    logger: quietLogger,
  });
}

const quietLogger = new GraphileLogger(() => () => {});

export async function waitFor<T>(
  probe: () => Promise<T | undefined | null | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Item statuses of a run, counted. */
export async function itemCounts(db: Database, runId: string): Promise<Record<string, number>> {
  const { rows } = await sql<{ status: string; n: number }>`
    select status, count(*)::int as n from enrichment_run_items where run_id = ${runId} group by status`.execute(
    db,
  );
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/** Capture transactions of a run: one row per (record, field) with how many captures it has. */
export async function capturesOf(db: Database, runId: string) {
  const { rows } = await sql<{ record_id: string; field: string; n: number; amount: number }>`
    select t.record_id, t.field, count(*)::int as n, sum(p.amount)::int as amount
    from credit_transactions t join credit_postings p on p.transaction_id = t.id and p.account = 'spent'
    where t.run_id = ${runId} and t.kind = 'capture'
    group by t.record_id, t.field`.execute(db);
  return rows;
}
