import { markPastDue } from "../../queries/billing-state.queries.ts";
import { insertHistory } from "../../queries/history.queries.ts";
import {
  eventObject,
  type HandlerCtx,
  type HandlerResult,
  ignored,
  num,
  type StoredEvent,
  str,
  stripeTime,
} from "./handler.ts";
import { invoiceWorkspace } from "./invoice-fields.ts";

/**
 * invoice.payment_failed: the workspace is past due from the event's time (unless a newer
 * subscription event already set its state), and a history row records the attempt. The dunning
 * schedule (reminders, downgrade) comes later and reads these rows.
 */
export async function invoicePaymentFailed(ctx: HandlerCtx, event: StoredEvent): Promise<HandlerResult> {
  const invoice = eventObject(event);
  const invoiceId = str(invoice.id);
  const workspaceId = await invoiceWorkspace(ctx.db, invoice);
  if (!invoiceId || !workspaceId) return ignored("no workspace for this invoice");
  const markedPastDue = await markPastDue(ctx.db, workspaceId, event.created);
  await insertHistory(ctx.db, {
    workspaceId,
    kind: "payment_failed",
    detail: {
      attempt_count: num(invoice.attempt_count),
      next_payment_attempt: stripeTime(invoice.next_payment_attempt)?.toISOString() ?? null,
      marked_past_due: markedPastDue,
    },
    amountCents: num(invoice.amount_due),
    stripeObjectId: invoiceId,
    stripeEventId: event.id,
    occurredAt: event.created,
  });
  return { outcome: "applied", workspaceId };
}
