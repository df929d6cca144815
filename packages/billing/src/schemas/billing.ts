import { z } from "zod";
import { planIds } from "../plans.ts";

export const billingStatuses = ["trialing", "active", "past_due", "canceled", "free"] as const;
export type BillingStatus = (typeof billingStatuses)[number];

const limit = z.number().int().nullable();

export const planLimitsOutput = z.object({
  records: limit,
  seats: limit,
  workflows: limit,
  integrations: limit,
  apiKeys: limit,
});

/** A plan as the billing page lists it (everyone may read what the plans are). */
export const planOfferOutput = z.object({
  id: z.enum(planIds),
  name: z.string(),
  monthlyPriceCents: z.number().int(),
  monthlyCredits: z.number().int(),
  limits: planLimitsOutput,
});
export type PlanOffer = z.infer<typeof planOfferOutput>;

/**
 * A workspace's billing as its billing page shows it. `account` is for those who manage billing
 * (owner, billing admin); others who may read billing see the plan's name and limits only.
 */
export const billingOutput = z.object({
  /** Whether this install has Stripe set up (STRIPE_SECRET_KEY): without it nothing can be bought. */
  configured: z.boolean(),
  plan: z.object({ id: z.enum(planIds), name: z.string(), limits: planLimitsOutput }),
  /** Every plan, cheapest first, for the plan picker (and the read-only list when not configured). */
  plans: z.array(planOfferOutput),
  account: z
    .object({
      status: z.enum(billingStatuses),
      monthlyPriceCents: z.number().int(),
      monthlyCredits: z.number().int(),
      /** Whole days left of the trial (rounded up); null when not trialing. */
      trialDaysLeft: z.number().int().nullable(),
      trialEndsAt: z.date().nullable(),
      /** When the subscription renews, or ends when cancelAtPeriodEnd. */
      renewsAt: z.date().nullable(),
      cancelAtPeriodEnd: z.boolean(),
      pastDueSince: z.date().nullable(),
      /** Whether the workspace has a Stripe customer, so the portal (card, invoices) can open. */
      hasPaymentAccount: z.boolean(),
    })
    .nullable(),
});
export type Billing = z.infer<typeof billingOutput>;
