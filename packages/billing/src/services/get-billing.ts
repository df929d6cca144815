import { DAY } from "@quarry/core/clock";
import type { ServiceCtx } from "@quarry/db/service-context";
import { isPlanId, type PlanId, plans } from "../plans.ts";
import { type BillingStateRow, findBillingState } from "../queries/billing-state.queries.ts";
import type { Billing, BillingStatus } from "../schemas/billing.ts";

export interface GetBillingOptions {
  /** Whether Stripe is set up on this install. */
  configured: boolean;
  /** Whether the caller manages billing (owner, billing admin): else the plan's name and limits only. */
  full: boolean;
}

/**
 * The workspace's plan and, for those who manage billing, its status, trial days left and
 * renewal date. A trial that has ended without a subscription reads as the free plan (the job
 * that records the trial's end comes later); a workspace without billing state is on free.
 */
export async function getBilling(ctx: ServiceCtx, opts: GetBillingOptions): Promise<Billing> {
  const now = ctx.clock.now();
  const row = await findBillingState(ctx.db, ctx.workspaceId);
  const state = effectiveState(row, now);
  const plan = plans[state.plan];
  return {
    configured: opts.configured,
    plan: { id: plan.id, name: plan.name, limits: plan.limits },
    plans: Object.values(plans).map((p) => ({
      id: p.id,
      name: p.name,
      monthlyPriceCents: p.monthlyPriceCents,
      monthlyCredits: p.monthlyCredits,
      limits: p.limits,
    })),
    account: opts.full
      ? {
          status: state.status,
          monthlyPriceCents: plan.monthlyPriceCents,
          monthlyCredits: plan.monthlyCredits,
          trialDaysLeft:
            state.status === "trialing" && state.trialEndsAt
              ? Math.max(0, Math.ceil((state.trialEndsAt.getTime() - now.getTime()) / DAY))
              : null,
          trialEndsAt: state.status === "trialing" ? state.trialEndsAt : null,
          renewsAt: state.status === "free" || state.status === "canceled" ? null : state.currentPeriodEnd,
          cancelAtPeriodEnd: state.cancelAtPeriodEnd,
          pastDueSince: state.pastDueSince,
          hasPaymentAccount: Boolean(row?.stripe_customer_id),
        }
      : null,
  };
}

export interface EffectiveState {
  plan: PlanId;
  status: BillingStatus;
  trialEndsAt: Date | null;
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  pastDueSince: Date | null;
}

/** The plan and status that apply now: no row, a lapsed trial or a canceled subscription read as free. */
export function effectiveState(row: BillingStateRow | undefined, now: Date): EffectiveState {
  const free: EffectiveState = {
    plan: "free",
    status: "free",
    trialEndsAt: null,
    currentPeriodEnd: null,
    cancelAtPeriodEnd: false,
    pastDueSince: null,
  };
  if (!row || !isPlanId(row.plan)) return free;
  const status = row.status as BillingStatus;
  const trialOver =
    status === "trialing" && !row.stripe_subscription_id && (!row.trial_ends_at || row.trial_ends_at <= now);
  if (trialOver) return free;
  return {
    plan: status === "canceled" ? "free" : row.plan,
    status,
    trialEndsAt: row.trial_ends_at,
    currentPeriodEnd: row.current_period_end,
    cancelAtPeriodEnd: row.cancel_at_period_end,
    pastDueSince: row.past_due_since,
  };
}
