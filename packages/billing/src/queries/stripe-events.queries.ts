import type { Database } from "@quarry/db/client";
import { sql } from "kysely";

export interface NewStripeEvent {
  id: string;
  type: string;
  created: Date;
  payload: unknown;
}

export interface InboxJob {
  task: string;
  /** Job payload and key per event id. */
  payload: (eventId: string) => unknown;
  jobKey: (eventId: string) => string;
}

/**
 * Stores deliveries and adds a processing job for each event that is new, in one statement (one
 * round trip, one implicit transaction: rows and jobs commit together or not at all). Returns
 * the ids that were new; an id stored before (Stripe delivers at least once) gets no job.
 */
export async function insertStripeEventsWithJobs(
  db: Database,
  events: readonly NewStripeEvent[],
  job: InboxJob,
): Promise<Set<string>> {
  if (events.length === 0) return new Set();
  const rows = events.map((e) => ({
    id: e.id,
    type: e.type,
    created: e.created.toISOString(),
    payload: e.payload,
    job_payload: job.payload(e.id),
    job_key: job.jobKey(e.id),
  }));
  const result = await sql<{ id: string }>`
    with input as (
      select distinct on (id) *
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as x(id text, type text, created timestamptz, payload jsonb, job_payload json, job_key text)
    ),
    stored as (
      insert into stripe_events (id, type, created, payload)
      select id, type, created, payload from input
      on conflict (id) do nothing
      returning id
    )
    select stored.id, graphile_worker.add_job(identifier => ${job.task}, payload => input.job_payload, job_key => input.job_key)
    from stored join input using (id)`.execute(db);
  return new Set(result.rows.map((r) => r.id));
}

export interface StripeEventRow {
  id: string;
  type: string;
  created: Date;
  payload: unknown;
  processed_at: Date | null;
}

/** The stored event, locked until the transaction ends: one processor at a time. */
export async function lockStripeEvent(db: Database, id: string): Promise<StripeEventRow | undefined> {
  return db
    .selectFrom("stripe_events")
    .select(["id", "type", "created", "payload", "processed_at"])
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
}

export async function markStripeEventProcessed(
  db: Database,
  id: string,
  done: { at: Date; outcome: "applied" | "ignored"; workspaceId: string | null; note: string | null },
): Promise<void> {
  await db
    .updateTable("stripe_events")
    .set((eb) => ({
      processed_at: done.at,
      outcome: done.outcome,
      workspace_id: done.workspaceId,
      attempts: eb("attempts", "+", 1),
      last_error: done.note,
    }))
    .where("id", "=", id)
    .execute();
}

/** A failed attempt, written outside the rolled-back transaction: the job retries it. */
export async function recordStripeEventFailure(db: Database, id: string, error: string): Promise<void> {
  await db
    .updateTable("stripe_events")
    .set((eb) => ({ attempts: eb("attempts", "+", 1), last_error: error.slice(0, 2000) }))
    .where("id", "=", id)
    .execute();
}
