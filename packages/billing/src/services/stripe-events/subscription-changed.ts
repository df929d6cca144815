import { isPlanId, type PlanId, planByLookupKey } from "../../plans.ts";
import { applySubscriptionState } from "../../queries/billing-state.queries.ts";
import { insertHistory } from "../../queries/history.queries.ts";
import type { BillingStatus } from "../../schemas/billing.ts";
import { findWorkspace } from "./find-workspace.ts";
import {
  eventObject,
  type HandlerCtx,
  type HandlerResult,
  idOf,
  ignored,
  record,
  type StoredEvent,
  str,
  stripeTime,
} from "./handler.ts";

/** Stripe's subscription statuses as Quarry's; null: no change of plan (incomplete: not paid for yet). */
const statusMap: Record<string, BillingStatus | null> = {
  trialing: "trialing",
  active: "active",
  past_due: "past_due",
  unpaid: "past_due",
  paused: "past_due",
  canceled: "canceled",
  incomplete_expired: "canceled",
  incomplete: null,
};

/**
 * customer.subscription.created / updated / deleted: the workspace's plan and status from the
 * event's subscription, as it was when the event was created. Events arrive out of order, so one
 * older than the state already stored (the `subscription_event_created` watermark) is ignored:
 * the stored state came from a newer picture of the same subscription. A handler that needs the
 * subscription as it is now re-fetches it from Stripe instead of trusting the event (none here).
 */
export async function subscriptionChanged(ctx: HandlerCtx, event: StoredEvent): Promise<HandlerResult> {
  const sub = eventObject(event);
  const subscriptionId = str(sub.id);
  const customerId = idOf(sub.customer);
  const workspaceId = await findWorkspace(ctx.db, {
    metadata: [sub.metadata, record(sub.customer).metadata],
    customerId,
  });
  if (!subscriptionId || !workspaceId) return ignored("no workspace for this subscription");

  const deleted = event.type === "customer.subscription.deleted";
  return applySubscription(ctx, event, workspaceId, sub, {
    deleted,
    historyKind: deleted ? "subscription_canceled" : `subscription_${event.type.split(".").pop()}`,
  });
}

/**
 * Writes a subscription object's plan and status to the workspace (unless older than the stored
 * state) with a history row of `historyKind`. Shared with checkout.session.completed, which
 * passes the subscription re-fetched from Stripe.
 */
export async function applySubscription(
  ctx: HandlerCtx,
  event: StoredEvent,
  workspaceId: string,
  sub: Record<string, unknown>,
  opts: { deleted: boolean; historyKind: string },
): Promise<HandlerResult> {
  const { deleted } = opts;
  const subscriptionId = str(sub.id);
  const customerId = idOf(sub.customer);
  if (!subscriptionId) return ignored("no subscription id", workspaceId);
  const status = deleted ? "canceled" : statusMap[str(sub.status) ?? ""];
  if (status === null || status === undefined)
    return ignored(`subscription status ${String(sub.status)}`, workspaceId);
  const plan: PlanId | null = deleted || status === "canceled" ? "free" : subscriptionPlan(sub);
  // TODO(stripe-fake): a subscription whose price has no lookup key of ours and no metadata.plan
  // needs its price re-fetched from Stripe (stripe.prices.retrieve) to know the plan.
  if (!plan) return ignored("subscription names no Quarry plan", workspaceId);

  const applied = await applySubscriptionState(ctx.db, workspaceId, {
    plan,
    status,
    customerId,
    subscriptionId,
    currentPeriodEnd: periodEnd(sub),
    cancelAtPeriodEnd: sub.cancel_at_period_end === true,
    trialEndsAt: stripeTime(sub.trial_end),
    eventCreated: event.created,
  });
  if (!applied) return ignored("older than the stored subscription state", workspaceId);
  await insertHistory(ctx.db, {
    workspaceId,
    kind: opts.historyKind,
    detail: { plan, status, cancel_at_period_end: sub.cancel_at_period_end === true },
    amountCents: null,
    stripeObjectId: subscriptionId,
    stripeEventId: event.id,
    occurredAt: event.created,
  });
  return { outcome: "applied", workspaceId };
}

function items(sub: Record<string, unknown>): Record<string, unknown>[] {
  const data = record(sub.items).data;
  return Array.isArray(data) ? data.map(record) : [];
}

/** The plan from the items' price lookup keys, else the subscription's metadata.plan. */
function subscriptionPlan(sub: Record<string, unknown>): PlanId | null {
  for (const item of items(sub)) {
    const plan = planByLookupKey(str(record(item.price).lookup_key));
    if (plan) return plan.id;
  }
  const fromMetadata = str(record(sub.metadata).plan);
  return fromMetadata && isPlanId(fromMetadata) && fromMetadata !== "free" ? fromMetadata : null;
}

/** current_period_end: on the items in current API versions, on the subscription in older ones. */
function periodEnd(sub: Record<string, unknown>): Date | null {
  const ends = items(sub)
    .map((item) => stripeTime(item.current_period_end))
    .filter((d): d is Date => d !== null);
  if (ends.length) return new Date(Math.max(...ends.map((d) => d.getTime())));
  return stripeTime(sub.current_period_end);
}
