import type { Database } from "@quarry/db/client";
import { isPlanId, type Plan, planByLookupKey, plans } from "../../plans.ts";
import { findBillingState } from "../../queries/billing-state.queries.ts";
import { findWorkspace } from "./find-workspace.ts";
import { type HandlerCtx, idOf, record, str } from "./handler.ts";

/** The subscription's metadata as the invoice copied it (parent.subscription_details in current API versions). */
export function invoiceSubscriptionMetadata(invoice: Record<string, unknown>): unknown {
  return (
    record(record(invoice.parent).subscription_details).metadata ??
    record(invoice.subscription_details).metadata
  );
}

export function invoiceSubscriptionId(invoice: Record<string, unknown>): string | null {
  return idOf(record(record(invoice.parent).subscription_details).subscription) ?? idOf(invoice.subscription);
}

/**
 * The plan an invoice pays for: the subscription's metadata.plan copied onto the invoice, else a
 * line's price lookup key, else the workspace's stored paid plan. Null when none says.
 */
export async function invoicePlan(
  db: Database,
  workspaceId: string,
  invoice: Record<string, unknown>,
): Promise<Plan | null> {
  const fromMetadata = str(record(invoiceSubscriptionMetadata(invoice)).plan);
  if (fromMetadata && isPlanId(fromMetadata) && fromMetadata !== "free") return plans[fromMetadata];
  const lines = record(invoice.lines).data;
  for (const line of Array.isArray(lines) ? lines.map(record) : []) {
    const plan = planByLookupKey(str(record(line.price).lookup_key));
    if (plan) return plan;
  }
  const state = await findBillingState(db, workspaceId);
  if (state && isPlanId(state.plan) && state.plan !== "free" && state.status !== "trialing")
    return plans[state.plan];
  return null;
}

/**
 * The plan of the invoice's subscription as it is now, re-fetched from Stripe (its items' price
 * lookup keys, else its metadata.plan), for an invoice that names no plan itself. Null without a
 * Stripe client or a subscription.
 */
export async function currentSubscriptionPlan(
  ctx: HandlerCtx,
  invoice: Record<string, unknown>,
): Promise<Plan | null> {
  const subscriptionId = invoiceSubscriptionId(invoice);
  if (!ctx.stripe || !subscriptionId) return null;
  const sub = await ctx.stripe.subscriptions.retrieve(subscriptionId);
  for (const item of sub.items.data) {
    const plan = planByLookupKey(item.price.lookup_key);
    if (plan) return plan;
  }
  const fromMetadata = sub.metadata.plan;
  return fromMetadata && isPlanId(fromMetadata) && fromMetadata !== "free" ? plans[fromMetadata] : null;
}

/** The workspace an invoice belongs to: its own or its subscription's metadata, else its customer. */
export function invoiceWorkspace(
  db: Database,
  invoice: Record<string, unknown>,
): Promise<string | undefined> {
  return findWorkspace(db, {
    metadata: [invoice.metadata, invoiceSubscriptionMetadata(invoice)],
    customerId: idOf(invoice.customer),
  });
}
