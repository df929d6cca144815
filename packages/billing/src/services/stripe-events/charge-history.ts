import { insertHistory } from "../../queries/history.queries.ts";
import { findWorkspace } from "./find-workspace.ts";
import {
  eventObject,
  type HandlerCtx,
  type HandlerResult,
  idOf,
  ignored,
  num,
  type StoredEvent,
  str,
} from "./handler.ts";

/** charge.refunded: a history row with the amount refunded so far. */
export async function chargeRefunded(ctx: HandlerCtx, event: StoredEvent): Promise<HandlerResult> {
  const charge = eventObject(event);
  const chargeId = str(charge.id);
  const workspaceId = await findWorkspace(ctx.db, {
    metadata: [charge.metadata],
    customerId: idOf(charge.customer),
    relatedObjectIds: [idOf(charge.invoice), idOf(charge.payment_intent)],
  });
  if (!chargeId || !workspaceId) return ignored("no workspace for this charge");
  await insertHistory(ctx.db, {
    workspaceId,
    kind: "charge_refunded",
    detail: { refunded_in_full: charge.refunded === true, payment_intent: idOf(charge.payment_intent) },
    amountCents: num(charge.amount_refunded),
    stripeObjectId: chargeId,
    stripeEventId: event.id,
    occurredAt: event.created,
  });
  return { outcome: "applied", workspaceId };
}

/**
 * charge.dispute.created: a history row (support acts on it). A dispute names its charge, not the
 * customer: the workspace comes from its metadata or an earlier history row about that charge.
 * TODO(stripe-fake): otherwise re-fetch the charge (stripe.charges.retrieve) for its customer.
 */
export async function disputeCreated(ctx: HandlerCtx, event: StoredEvent): Promise<HandlerResult> {
  const dispute = eventObject(event);
  const disputeId = str(dispute.id);
  const workspaceId = await findWorkspace(ctx.db, {
    metadata: [dispute.metadata],
    customerId: null,
    relatedObjectIds: [idOf(dispute.charge), idOf(dispute.payment_intent)],
  });
  if (!disputeId || !workspaceId) return ignored("no workspace for this dispute");
  await insertHistory(ctx.db, {
    workspaceId,
    kind: "dispute_created",
    detail: { charge: idOf(dispute.charge), reason: str(dispute.reason), status: str(dispute.status) },
    amountCents: num(dispute.amount),
    stripeObjectId: disputeId,
    stripeEventId: event.id,
    occurredAt: event.created,
  });
  return { outcome: "applied", workspaceId };
}
