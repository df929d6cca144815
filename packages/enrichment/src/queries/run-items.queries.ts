import type { Database } from "@quarry/db/client";
import { sql } from "kysely";

export interface ItemRow {
  record_id: string;
  field: string;
  step: number;
  attempts: number;
  error: string | null;
  /** How often the item was claimed, this claim included: above 1, an earlier claim may have asked providers. */
  claims: number;
}

export interface NewItem {
  recordId: string;
  field: string;
  batch: number;
  status: "pending" | "skipped";
  error: string | null;
}

export async function insertItems(
  db: Database,
  workspaceId: string,
  runId: string,
  items: readonly NewItem[],
): Promise<void> {
  for (let i = 0; i < items.length; i += 2000) {
    await db
      .insertInto("enrichment_run_items")
      .values(
        items.slice(i, i + 2000).map((it) => ({
          run_id: runId,
          workspace_id: workspaceId,
          record_id: it.recordId,
          field: it.field,
          batch: it.batch,
          status: it.status,
          error: it.error,
        })),
      )
      .execute();
  }
}

/**
 * Claims the batch's due pending items for one worker. `skip locked` leaves rows another worker
 * is claiming to it, and only pending rows are taken, so no (record, field) is worked twice.
 */
export async function claimItems(
  db: Database,
  workspaceId: string,
  runId: string,
  batch: number,
  claimId: string,
): Promise<ItemRow[]> {
  const { rows } = await sql<ItemRow>`
    update enrichment_run_items i set status = 'claimed', claimed_by = ${claimId}, claimed_at = now(),
      claims = i.claims + 1
    from (
      select record_id, field from enrichment_run_items
      where workspace_id = ${workspaceId} and run_id = ${runId} and batch = ${batch}
        and status = 'pending' and next_attempt_at <= now()
      for update skip locked
    ) due
    where i.run_id = ${runId} and i.record_id = due.record_id and i.field = due.field
    returning i.record_id, i.field, i.step, i.attempts, i.error, i.claims`.execute(db);
  return rows;
}

/** Shows the claim is alive, so the reaper leaves it alone. */
export async function touchClaim(db: Database, workspaceId: string, runId: string, claimId: string) {
  await sql`update enrichment_run_items set claimed_at = now()
    where workspace_id = ${workspaceId} and run_id = ${runId} and claimed_by = ${claimId} and status = 'claimed'`.execute(
    db,
  );
}

export interface ItemKey {
  recordId: string;
  field: string;
}

export interface ItemOutcome extends ItemKey {
  status: "pending" | "found" | "not_found" | "failed" | "skipped" | "cancelled";
  step: number;
  attempts: number;
  provider: string | null;
  error: string | null;
  /** For pending: when to try again. */
  nextAttemptAt?: Date;
}

/** Writes outcomes of items this claim holds (fenced on claimed_by); returns how many it wrote. */
export async function settleItems(
  db: Database,
  workspaceId: string,
  runId: string,
  claimId: string,
  outcomes: readonly ItemOutcome[],
): Promise<number> {
  if (outcomes.length === 0) return 0;
  const result = await sql`
    update enrichment_run_items i set
      status = o.status, step = o.step, attempts = o.attempts, provider = o.provider, error = o.error,
      next_attempt_at = coalesce(o.next_at, i.next_attempt_at),
      claimed_by = null, claimed_at = null
    from unnest(
      ${outcomes.map((o) => o.recordId)}::uuid[], ${outcomes.map((o) => o.field)}::text[],
      ${outcomes.map((o) => o.status)}::text[], ${outcomes.map((o) => o.step)}::int[],
      ${outcomes.map((o) => o.attempts)}::int[], ${outcomes.map((o) => o.provider)}::text[],
      ${outcomes.map((o) => o.error)}::text[], ${outcomes.map((o) => o.nextAttemptAt ?? null)}::timestamptz[]
    ) as o(record_id, field, status, step, attempts, provider, error, next_at)
    where i.workspace_id = ${workspaceId} and i.run_id = ${runId} and i.record_id = o.record_id
      and i.field = o.field and i.claimed_by = ${claimId} and i.status = 'claimed'`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/**
 * Corrects items this transaction settled a moment ago (e.g. found → skipped with the reason its
 * value was not used); the transaction holds their locks, so no claim fence is needed.
 */
export async function markSettled(
  db: Database,
  workspaceId: string,
  runId: string,
  outcomes: readonly ItemOutcome[],
): Promise<void> {
  if (outcomes.length === 0) return;
  await sql`
    update enrichment_run_items i set status = o.status, error = o.error
    from unnest(
      ${outcomes.map((o) => o.recordId)}::uuid[], ${outcomes.map((o) => o.field)}::text[],
      ${outcomes.map((o) => o.status)}::text[], ${outcomes.map((o) => o.error)}::text[]
    ) as o(record_id, field, status, error)
    where i.workspace_id = ${workspaceId} and i.run_id = ${runId} and i.record_id = o.record_id
      and i.field = o.field`.execute(db);
}

/** Pending items of a run that is cancelled or stopped: they will not be worked. */
export async function cancelPendingItems(db: Database, workspaceId: string, runId: string, reason: string) {
  await sql`update enrichment_run_items set status = 'cancelled', error = ${reason}
    where workspace_id = ${workspaceId} and run_id = ${runId} and status = 'pending'`.execute(db);
}

/** When the batch's next pending item is due, or null when none is pending. */
export async function nextDueAt(
  db: Database,
  workspaceId: string,
  runId: string,
  batch: number,
): Promise<Date | null> {
  const row = await db
    .selectFrom("enrichment_run_items")
    .select((eb) => eb.fn.min("next_attempt_at").as("due"))
    .where("workspace_id", "=", workspaceId)
    .where("run_id", "=", runId)
    .where("batch", "=", batch)
    .where("status", "=", "pending")
    .executeTakeFirst();
  return row?.due ? new Date(row.due) : null;
}

export interface StaleClaim {
  workspace_id: string;
  run_id: string;
  batch: number;
  claimed_by: string;
  run_status: string;
}

/**
 * Claims nobody has touched for `staleMs` (the worker died): back to pending for an active run,
 * cancelled for a run that is being cancelled or was stopped. Returns the claims it took back.
 */
export async function reapStaleItems(db: Database, staleMs: number): Promise<StaleClaim[]> {
  const { rows } = await sql<StaleClaim>`
    with stale as (
      select i.run_id, i.record_id, i.field, i.claimed_by, i.batch, i.workspace_id, r.status as run_status
      from enrichment_run_items i join enrichment_runs r on r.id = i.run_id
      where i.status = 'claimed' and i.claimed_at < now() - make_interval(secs => ${staleMs / 1000})
      for update of i skip locked
    ), reaped as (
      update enrichment_run_items i set
        status = case when s.run_status in ('queued', 'running') then 'pending' else 'cancelled' end,
        error = case when s.run_status in ('queued', 'running') then i.error else 'The run was cancelled.' end,
        next_attempt_at = now(), claimed_by = null, claimed_at = null
      from stale s
      where i.run_id = s.run_id and i.record_id = s.record_id and i.field = s.field
      returning s.workspace_id, s.run_id, s.batch, s.claimed_by, s.run_status
    )
    select distinct workspace_id, run_id, batch, claimed_by, run_status from reaped`.execute(db);
  return rows;
}

/** Batches of active runs with pending items overdue by `overdueMs` (their job was lost): to re-enqueue. */
export async function overdueBatches(db: Database, overdueMs: number) {
  const { rows } = await sql<{ workspace_id: string; run_id: string; batch: number }>`
    select distinct i.workspace_id, i.run_id, i.batch
    from enrichment_run_items i join enrichment_runs r on r.id = i.run_id
    where r.status in ('queued', 'running') and i.status = 'pending'
      and i.next_attempt_at < now() - make_interval(secs => ${overdueMs / 1000})
    limit 1000`.execute(db);
  return rows;
}

/** Runs that are not finished but have no open item (e.g. their last worker died after the work). */
export async function unfinishedIdleRuns(db: Database) {
  const { rows } = await sql<{ workspace_id: string; id: string }>`
    select r.workspace_id, r.id from enrichment_runs r
    where r.finished_at is null and r.status in ('queued', 'running', 'cancelling', 'stopped')
      and not exists (select 1 from enrichment_run_items i
        where i.run_id = r.id and i.status in ('pending', 'claimed'))
    limit 1000`.execute(db);
  return rows;
}

export interface FieldStatusCount {
  field: string;
  status: string;
  provider: string | null;
  n: number;
}

export async function countItems(
  db: Database,
  workspaceId: string,
  runId: string,
): Promise<FieldStatusCount[]> {
  const { rows } = await sql<FieldStatusCount>`
    select field, status, provider, count(*)::int as n from enrichment_run_items
    where workspace_id = ${workspaceId} and run_id = ${runId}
    group by field, status, provider`.execute(db);
  return rows;
}

/** Why items were skipped, failed or cancelled, most common first. */
export async function itemReasons(db: Database, workspaceId: string, runId: string) {
  const { rows } = await sql<{ status: string; reason: string; n: number }>`
    select status, error as reason, count(*)::int as n from enrichment_run_items
    where workspace_id = ${workspaceId} and run_id = ${runId}
      and status in ('skipped', 'failed', 'cancelled', 'not_found') and error is not null
    group by status, error order by n desc limit 20`.execute(db);
  return rows;
}

/**
 * The claim's batch threw: each item it still holds counts an attempt and goes back to pending
 * after an exponential backoff, or fails with the reason once `maxAttempts` are used. Unlike a
 * reaped claim, so a batch that always throws ends instead of looping.
 */
export async function failClaimedItems(
  db: Database,
  workspaceId: string,
  runId: string,
  claimId: string,
  opts: { reason: string; maxAttempts: number; backoffBaseMs: number; backoffMaxMs: number },
): Promise<void> {
  await sql`update enrichment_run_items set
      attempts = attempts + 1,
      status = case when attempts + 1 >= ${opts.maxAttempts} then 'failed' else 'pending' end,
      error = case when attempts + 1 >= ${opts.maxAttempts}
        then ${opts.reason} || ' (gave up after ' || (attempts + 1) || ' attempts)'
        else ${opts.reason} || ' (retrying)' end,
      next_attempt_at = now() + make_interval(
        secs => least(${opts.backoffMaxMs}::float8, ${opts.backoffBaseMs}::float8 * power(2, attempts)) / 1000),
      claimed_by = null, claimed_at = null
    where workspace_id = ${workspaceId} and run_id = ${runId} and claimed_by = ${claimId} and status = 'claimed'`.execute(
    db,
  );
}

/** The worker is shutting down: what this claim still holds goes back to pending, due now, no attempt counted. */
export async function returnClaimedItems(
  db: Database,
  workspaceId: string,
  runId: string,
  claimId: string,
): Promise<void> {
  await sql`update enrichment_run_items set status = 'pending', next_attempt_at = now(), claimed_by = null, claimed_at = null
    where workspace_id = ${workspaceId} and run_id = ${runId} and claimed_by = ${claimId} and status = 'claimed'`.execute(
    db,
  );
}

/** The run stopped or was cancelled: whatever this claim still holds is cancelled with the reason. */
export async function cancelClaimedItems(
  db: Database,
  workspaceId: string,
  runId: string,
  claimId: string,
  reason: string,
): Promise<void> {
  await sql`update enrichment_run_items set status = 'cancelled', error = ${reason}, claimed_by = null, claimed_at = null
    where workspace_id = ${workspaceId} and run_id = ${runId} and claimed_by = ${claimId} and status = 'claimed'`.execute(
    db,
  );
}
