import type { Database } from "@quarry/db/client";

export interface NewStripeEvent {
  id: string;
  type: string;
  created: Date;
  payload: unknown;
}

/** Stores a delivery; false when the event was stored before (Stripe delivers at least once). */
export async function insertStripeEvent(db: Database, e: NewStripeEvent): Promise<boolean> {
  const row = await db
    .insertInto("stripe_events")
    .values({ id: e.id, type: e.type, created: e.created, payload: JSON.stringify(e.payload) })
    .onConflict((oc) => oc.column("id").doNothing())
    .returning("id")
    .executeTakeFirst();
  return row !== undefined;
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
