import { randomUUID } from "node:crypto";
import Stripe from "stripe";
import type { VerifiedEvent } from "../services/verify-webhook.ts";

/**
 * Stripe events as plain objects, shaped like the current API's (only the fields Quarry reads),
 * for tests and the benchmark: no Stripe and no fake needed.
 */
export interface EventInput {
  type: string;
  object: Record<string, unknown>;
  /** Stripe's created time (seconds); defaults to now. */
  created?: number;
  id?: string;
}

export function stripeEvent(input: EventInput): Record<string, unknown> {
  return {
    id: input.id ?? `evt_${randomUUID().replaceAll("-", "")}`,
    object: "event",
    api_version: "2026-01-28.clover",
    type: input.type,
    created: input.created ?? Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: { object: input.object },
  };
}

/** An event as the webhook route hands it to receiveStripeEvent. */
export function verified(event: Record<string, unknown>): VerifiedEvent {
  return {
    id: String(event.id),
    type: String(event.type),
    created: new Date(Number(event.created) * 1000),
    payload: event,
  };
}

/** A paid renewal invoice of `plan` for the workspace's customer. */
export function invoiceObject(opts: {
  id?: string;
  workspaceId: string;
  customerId?: string;
  plan?: string;
  amountPaid?: number;
}): Record<string, unknown> {
  return {
    id: opts.id ?? `in_${randomUUID().replaceAll("-", "").slice(0, 24)}`,
    object: "invoice",
    customer: opts.customerId ?? `cus_${opts.workspaceId.slice(0, 8)}`,
    amount_paid: opts.amountPaid ?? 4_900,
    amount_due: opts.amountPaid ?? 4_900,
    attempt_count: 1,
    billing_reason: "subscription_cycle",
    parent: {
      type: "subscription_details",
      subscription_details: {
        subscription: `sub_${opts.workspaceId.slice(0, 8)}`,
        metadata: { workspace_id: opts.workspaceId, plan: opts.plan ?? "starter" },
      },
    },
    lines: { object: "list", data: [] },
  };
}

/** A subscription on `lookupKey`'s price in `status`. */
export function subscriptionObject(opts: {
  workspaceId: string;
  status: string;
  lookupKey: string;
  customerId?: string;
  periodEnd?: number;
  cancelAtPeriodEnd?: boolean;
}): Record<string, unknown> {
  return {
    id: `sub_${opts.workspaceId.slice(0, 8)}`,
    object: "subscription",
    customer: opts.customerId ?? `cus_${opts.workspaceId.slice(0, 8)}`,
    status: opts.status,
    cancel_at_period_end: opts.cancelAtPeriodEnd ?? false,
    trial_end: null,
    metadata: { workspace_id: opts.workspaceId },
    items: {
      object: "list",
      data: [
        {
          id: `si_${opts.workspaceId.slice(0, 8)}`,
          current_period_end: opts.periodEnd ?? Math.floor(Date.now() / 1000) + 30 * 86_400,
          price: { id: `price_${opts.lookupKey}`, lookup_key: opts.lookupKey },
        },
      ],
    },
  };
}

/** The Stripe-Signature header Stripe would send for `payload`, signed at `timestamp` (seconds). */
export function signedHeader(payload: string, secret: string, timestamp: number): string {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp });
}
