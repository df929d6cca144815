import type { Database } from "@quarry/db/client";
import type { PlanId } from "../plans.ts";
import type { BillingStatus } from "../schemas/billing.ts";

export interface BillingStateRow {
  workspace_id: string;
  plan: string;
  status: string;
  trial_ends_at: Date | null;
  stripe_customer_id: string | null;
  stripe_subscription_id: string | null;
  current_period_end: Date | null;
  cancel_at_period_end: boolean;
  past_due_since: Date | null;
  subscription_event_created: Date | null;
}

export async function findBillingState(
  db: Database,
  workspaceId: string,
): Promise<BillingStateRow | undefined> {
  return db
    .selectFrom("workspace_billing")
    .select([
      "workspace_id",
      "plan",
      "status",
      "trial_ends_at",
      "stripe_customer_id",
      "stripe_subscription_id",
      "current_period_end",
      "cancel_at_period_end",
      "past_due_since",
      "subscription_event_created",
    ])
    .where("workspace_id", "=", workspaceId)
    .executeTakeFirst();
}

/** A new workspace's trial; nothing when the workspace has billing state already. */
export async function insertTrialState(
  db: Database,
  workspaceId: string,
  trial: { plan: PlanId; endsAt: Date },
): Promise<boolean> {
  const row = await db
    .insertInto("workspace_billing")
    .values({ workspace_id: workspaceId, plan: trial.plan, status: "trialing", trial_ends_at: trial.endsAt })
    .onConflict((oc) => oc.column("workspace_id").doNothing())
    .returning("workspace_id")
    .executeTakeFirst();
  return row !== undefined;
}

/** The workspace a Stripe customer belongs to (set when checkout creates it, or by an event naming the workspace). */
export async function findWorkspaceByCustomer(db: Database, customerId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom("workspace_billing")
    .select("workspace_id")
    .where("stripe_customer_id", "=", customerId)
    .executeTakeFirst();
  return row?.workspace_id;
}

export async function workspaceExists(db: Database, workspaceId: string): Promise<boolean> {
  const row = await db.selectFrom("workspaces").select("id").where("id", "=", workspaceId).executeTakeFirst();
  return row !== undefined;
}

export interface SubscriptionState {
  plan: PlanId;
  status: BillingStatus;
  customerId: string | null;
  subscriptionId: string;
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  trialEndsAt: Date | null;
  /** Stripe's `created` of the event: the state moves only forward in this order. */
  eventCreated: Date;
}

/**
 * Writes a subscription's state unless the stored state came from a newer event (the watermark
 * `subscription_event_created`); past_due_since starts at the first past_due and clears otherwise.
 * Returns whether it was applied.
 */
export async function applySubscriptionState(
  db: Database,
  workspaceId: string,
  s: SubscriptionState,
): Promise<boolean> {
  const pastDueSince = s.status === "past_due" ? s.eventCreated : null;
  const row = await db
    .insertInto("workspace_billing")
    .values({
      workspace_id: workspaceId,
      plan: s.plan,
      status: s.status,
      stripe_customer_id: s.customerId,
      stripe_subscription_id: s.subscriptionId,
      current_period_end: s.currentPeriodEnd,
      cancel_at_period_end: s.cancelAtPeriodEnd,
      trial_ends_at: s.trialEndsAt,
      past_due_since: pastDueSince,
      subscription_event_created: s.eventCreated,
    })
    .onConflict((oc) =>
      oc
        .column("workspace_id")
        .doUpdateSet((eb) => ({
          plan: eb.ref("excluded.plan"),
          status: eb.ref("excluded.status"),
          stripe_customer_id: eb.fn.coalesce(
            "excluded.stripe_customer_id",
            "workspace_billing.stripe_customer_id",
          ),
          stripe_subscription_id: eb.ref("excluded.stripe_subscription_id"),
          current_period_end: eb.ref("excluded.current_period_end"),
          cancel_at_period_end: eb.ref("excluded.cancel_at_period_end"),
          trial_ends_at: eb.fn.coalesce("excluded.trial_ends_at", "workspace_billing.trial_ends_at"),
          past_due_since:
            s.status === "past_due"
              ? eb.fn.coalesce("workspace_billing.past_due_since", "excluded.past_due_since")
              : eb.val(null),
          subscription_event_created: eb.ref("excluded.subscription_event_created"),
        }))
        .where((eb) =>
          eb.or([
            eb("workspace_billing.subscription_event_created", "is", null),
            eb("workspace_billing.subscription_event_created", "<=", s.eventCreated),
          ]),
        ),
    )
    .returning("workspace_id")
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * A failed renewal payment: past_due from the event's time, unless a newer subscription event
 * already set the state (then the subscription's own status stands). Returns whether it applied.
 */
export async function markPastDue(db: Database, workspaceId: string, eventCreated: Date): Promise<boolean> {
  const row = await db
    .updateTable("workspace_billing")
    .set((eb) => ({
      status: "past_due",
      past_due_since: eb.fn.coalesce("past_due_since", eb.val(eventCreated)),
      subscription_event_created: eventCreated,
    }))
    .where("workspace_id", "=", workspaceId)
    .where("status", "in", ["active", "past_due"])
    .where((eb) =>
      eb.or([
        eb("subscription_event_created", "is", null),
        eb("subscription_event_created", "<=", eventCreated),
      ]),
    )
    .returning("workspace_id")
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Records the workspace's Stripe customer, keeping one already stored (two checkouts racing get
 * the same customer from Stripe's idempotency key anyway). A workspace without billing state gets
 * a free row. Returns the customer id now stored.
 */
export async function setStripeCustomer(
  db: Database,
  workspaceId: string,
  customerId: string,
): Promise<string> {
  const row = await db
    .insertInto("workspace_billing")
    .values({ workspace_id: workspaceId, plan: "free", status: "free", stripe_customer_id: customerId })
    .onConflict((oc) =>
      oc.column("workspace_id").doUpdateSet((eb) => ({
        stripe_customer_id: eb.fn.coalesce(
          "workspace_billing.stripe_customer_id",
          "excluded.stripe_customer_id",
        ),
      })),
    )
    .returning("stripe_customer_id")
    .executeTakeFirstOrThrow();
  return row.stripe_customer_id ?? customerId;
}
