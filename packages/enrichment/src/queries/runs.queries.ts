import type { Database } from "@quarry/db/client";
import { sql } from "kysely";

export interface RunRow {
  id: string;
  workspace_id: string;
  entity: string;
  fields: string[];
  overwrite: boolean;
  /** Started in test mode: its waterfalls are the test ones (the sandbox) to its end. */
  test_mode: boolean;
  selection: unknown;
  status: string;
  stop_reason: string | null;
  record_count: number;
  batch_count: number;
  estimate: unknown;
  created_by: string | null;
  started_at: Date | null;
  cancel_requested_at: Date | null;
  finished_at: Date | null;
  created_at: Date;
}

const runColumns = [
  "id",
  "workspace_id",
  "entity",
  "fields",
  "overwrite",
  "test_mode",
  "selection",
  "status",
  "stop_reason",
  "record_count",
  "batch_count",
  "estimate",
  "created_by",
  "started_at",
  "cancel_requested_at",
  "finished_at",
  "created_at",
] as const;

export async function insertRun(
  db: Database,
  r: {
    workspaceId: string;
    entity: string;
    fields: string[];
    overwrite: boolean;
    testMode: boolean;
    selection: unknown;
    recordCount: number;
    batchCount: number;
    estimate: unknown;
    createdBy: string | null;
  },
): Promise<RunRow> {
  return db
    .insertInto("enrichment_runs")
    .values({
      workspace_id: r.workspaceId,
      entity: r.entity,
      fields: r.fields,
      overwrite: r.overwrite,
      test_mode: r.testMode,
      selection: JSON.stringify(r.selection),
      record_count: r.recordCount,
      batch_count: r.batchCount,
      estimate: JSON.stringify(r.estimate),
      created_by: r.createdBy,
    })
    .returning(runColumns)
    .executeTakeFirstOrThrow();
}

export async function findRun(db: Database, workspaceId: string, id: string): Promise<RunRow | undefined> {
  return db
    .selectFrom("enrichment_runs")
    .select(runColumns)
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .executeTakeFirst();
}

/** Newest first; `before` is the (created_at, id) of the last run already shown. */
export async function listRunRows(
  db: Database,
  workspaceId: string,
  limit: number,
  before: { createdAt: string; id: string } | null,
): Promise<Array<RunRow & { created_at_key: string }>> {
  let q = db
    .selectFrom("enrichment_runs")
    .select(runColumns)
    .select(sql<string>`created_at::text`.as("created_at_key"))
    .where("workspace_id", "=", workspaceId);
  if (before) {
    q = q.where(sql<boolean>`(created_at, id) < (${before.createdAt}::timestamptz, ${before.id}::uuid)`);
  }
  return q.orderBy("created_at", "desc").orderBy("id", "desc").limit(limit).execute();
}

/**
 * The status a provider call checks just before it starts. `for share` waits for a cancel that
 * is being written, so a call either starts before the cancel commits or sees it.
 */
export async function runStatus(db: Database, workspaceId: string, id: string): Promise<string | null> {
  const { rows } = await sql<{ status: string }>`
    select status from enrichment_runs where workspace_id = ${workspaceId} and id = ${id} for share`.execute(
    db,
  );
  return rows[0]?.status ?? null;
}

export async function markRunRunning(db: Database, workspaceId: string, id: string): Promise<void> {
  await db
    .updateTable("enrichment_runs")
    .set({ status: "running", started_at: sql<Date>`coalesce(started_at, now())` })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .where("status", "=", "queued")
    .execute();
}

/** queued / running → cancelling; true when this call asked (false: already finished or cancelling). */
export async function requestRunCancel(db: Database, workspaceId: string, id: string): Promise<boolean> {
  const rows = await db
    .updateTable("enrichment_runs")
    .set({ status: "cancelling", cancel_requested_at: sql<Date>`now()` })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .where("status", "in", ["queued", "running"])
    .returning("id")
    .execute();
  return rows.length > 0;
}

/** queued / running → stopped with the reason (not enough credits, a spend cap). */
export async function stopRunRow(
  db: Database,
  workspaceId: string,
  id: string,
  reason: string,
): Promise<void> {
  await db
    .updateTable("enrichment_runs")
    .set({ status: "stopped", stop_reason: reason })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .where("status", "in", ["queued", "running"])
    .execute();
}

/**
 * Ends the run once no item is pending or claimed: running → completed (failed when items failed
 * and none was answered, found or not found), cancelling → cancelled, stopped keeps its status
 * and gets its finish time. Returns the final status, or null while
 * items are still open (or it had finished already).
 */
export async function finishRunRow(db: Database, workspaceId: string, id: string): Promise<string | null> {
  const { rows } = await sql<{ status: string }>`
    update enrichment_runs r set
      status = case r.status when 'cancelling' then 'cancelled' when 'stopped' then 'stopped'
        else case when exists (select 1 from enrichment_run_items i
            where i.run_id = r.id and i.status = 'failed')
          and not exists (select 1 from enrichment_run_items i
            where i.run_id = r.id and i.status in ('found', 'not_found'))
          then 'failed' else 'completed' end end,
      finished_at = now()
    where r.workspace_id = ${workspaceId} and r.id = ${id} and r.finished_at is null
      and r.status in ('queued', 'running', 'cancelling', 'stopped')
      and not exists (
        select 1 from enrichment_run_items i
        where i.run_id = r.id and i.status in ('pending', 'claimed'))
    returning r.status`.execute(db);
  return rows[0]?.status ?? null;
}

export interface RunProgress {
  status: string;
  stopReason: string | null;
  /** Items per status, e.g. { pending: 10, found: 3 }. */
  items: Record<string, number>;
}

const progressStatuses = [
  "pending",
  "claimed",
  "found",
  "not_found",
  "failed",
  "skipped",
  "cancelled",
] as const;

/**
 * What a watcher polls: the run's status and its items per status, in one statement reading the
 * run row and its counter rows in enrichment_run_progress (one per batch, kept by triggers on the
 * items, migration 0018) — never the items themselves, so a poll costs the same for 10 items as
 * for 500,000. Null for a run that is not this workspace's.
 */
export async function findRunProgress(
  db: Database,
  workspaceId: string,
  id: string,
): Promise<RunProgress | null> {
  const { rows } = await sql<
    { status: string; stop_reason: string | null } & Record<(typeof progressStatuses)[number], number | null>
  >`
    select r.status, r.stop_reason,
      sum(p.pending)::int as pending, sum(p.claimed)::int as claimed, sum(p.found)::int as found,
      sum(p.not_found)::int as not_found, sum(p.failed)::int as failed, sum(p.skipped)::int as skipped,
      sum(p.cancelled)::int as cancelled
    from enrichment_runs r
    left join enrichment_run_progress p on p.run_id = r.id
    where r.workspace_id = ${workspaceId} and r.id = ${id}
    group by r.id`.execute(db);
  const row = rows[0];
  if (!row) return null;
  const items: Record<string, number> = {};
  for (const status of progressStatuses) {
    const n = row[status];
    if (n) items[status] = n;
  }
  return { status: row.status, stopReason: row.stop_reason, items };
}
