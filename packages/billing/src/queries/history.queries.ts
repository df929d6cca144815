import type { Database } from "@quarry/db/client";

export interface NewHistoryRow {
  workspaceId: string;
  kind: string;
  detail: Record<string, unknown>;
  amountCents: number | null;
  stripeObjectId: string | null;
  /** The Stripe event that wrote it: at most one row per event and kind. */
  stripeEventId: string | null;
  occurredAt: Date;
}

export async function insertHistory(db: Database, h: NewHistoryRow): Promise<void> {
  await db
    .insertInto("billing_history")
    .values({
      workspace_id: h.workspaceId,
      kind: h.kind,
      detail: JSON.stringify(h.detail),
      amount_cents: h.amountCents,
      stripe_object_id: h.stripeObjectId,
      stripe_event_id: h.stripeEventId,
      occurred_at: h.occurredAt,
    })
    .onConflict((oc) => oc.columns(["stripe_event_id", "kind"]).doNothing())
    .execute();
}

/** The workspace of an earlier history row about this Stripe object (a charge a dispute names). */
export async function findWorkspaceByHistoryObject(
  db: Database,
  objectIds: string[],
): Promise<string | undefined> {
  if (objectIds.length === 0) return undefined;
  const row = await db
    .selectFrom("billing_history")
    .select("workspace_id")
    .where("stripe_object_id", "in", objectIds)
    .limit(1)
    .executeTakeFirst();
  return row?.workspace_id;
}
