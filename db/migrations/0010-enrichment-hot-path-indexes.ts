import { type Kysely, sql } from "kysely";

/**
 * A run's charges looked up by (run, record, field) must never walk the whole run. With the
 * statistics of a table that filled in the last minute (a new workspace, a first big run), the
 * planner rated `credit_transactions (workspace_id, run_id)` as good as the charge key and scanned
 * every capture of the run for each provider call (19 ms at 17,000 captures, under the hold's
 * lock). The run index now carries record and field, so either index the planner picks is exact;
 * it still serves a run's spend (its prefix).
 *
 * A batch looked up the answers its run already had (to re-use them after a crash) before every
 * provider round; on such a partition that query walked the workspace's lookups (0.3 s a round).
 * Items now count their claims: only records claimed before can have answers in the run, so a
 * first pass asks nothing.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    drop index credit_transactions_workspace_run_idx;
    create index credit_transactions_workspace_run_idx
      on credit_transactions (workspace_id, run_id, record_id, field) where run_id is not null;
    alter table enrichment_run_items add column claims integer not null default 0;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Production only moves forward: write a new migration instead.");
}
