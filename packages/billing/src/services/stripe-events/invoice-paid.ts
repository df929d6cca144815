import { systemActor } from "@quarry/core/service-context";
import { grantCredits } from "@quarry/credits/services/grant-credits";
import { insertHistory } from "../../queries/history.queries.ts";
import {
  eventObject,
  type HandlerCtx,
  type HandlerResult,
  ignored,
  num,
  type StoredEvent,
  str,
} from "./handler.ts";
import {
  currentSubscriptionPlan,
  invoicePlan,
  invoiceSubscriptionId,
  invoiceWorkspace,
} from "./invoice-fields.ts";

/**
 * invoice.paid: the plan's monthly credits, granted through the credits ledger under the key
 * `stripe-invoice:<invoice id>` (so one invoice grants once, whatever happens to its events),
 * and a history row. A $0 invoice (a trial's first) grants nothing.
 */
export async function invoicePaid(ctx: HandlerCtx, event: StoredEvent): Promise<HandlerResult> {
  const invoice = eventObject(event);
  const invoiceId = str(invoice.id);
  const workspaceId = await invoiceWorkspace(ctx.db, invoice);
  if (!invoiceId || !workspaceId) return ignored("no workspace for this invoice");
  const amountPaid = num(invoice.amount_paid) ?? 0;
  const plan =
    amountPaid > 0
      ? ((await invoicePlan(ctx.db, workspaceId, invoice)) ?? (await currentSubscriptionPlan(ctx, invoice)))
      : null;
  // Without a Stripe client (or a subscription) nothing names the plan yet: the job retries, and
  // a later subscription event usually supplies it.
  if (amountPaid > 0 && !plan)
    throw new Error(`invoice ${invoiceId}: no plan known yet for workspace ${workspaceId}`);

  if (plan) {
    await grantCredits(
      { db: ctx.db, workspaceId, actor: systemActor("stripe"), log: ctx.log, clock: ctx.clock },
      {
        amount: plan.monthlyCredits,
        kind: "grant",
        idempotencyKey: `stripe-invoice:${invoiceId}`,
        memo: `${plan.name} plan: monthly credits (invoice ${invoiceId})`,
      },
    );
  }
  await insertHistory(ctx.db, {
    workspaceId,
    kind: "invoice_paid",
    detail: {
      plan: plan?.id ?? null,
      credits_granted: plan?.monthlyCredits ?? 0,
      subscription: invoiceSubscriptionId(invoice),
      billing_reason: str(invoice.billing_reason),
    },
    amountCents: amountPaid,
    stripeObjectId: invoiceId,
    stripeEventId: event.id,
    occurredAt: event.created,
  });
  return { outcome: "applied", workspaceId };
}
