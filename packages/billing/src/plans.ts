/**
 * The plans, defined once: what each costs, the credits it grants each month, what happens to
 * credits left at the end of a month, its limits, and the Stripe price lookup keys that name it
 * (the Stripe prices are created with these keys; Quarry never stores a price id).
 * A limit of null is unlimited.
 */

export const planIds = ["free", "starter", "pro", "enterprise"] as const;
export type PlanId = (typeof planIds)[number];

export interface PlanLimits {
  records: number | null;
  seats: number | null;
  workflows: number | null;
  integrations: number | null;
  apiKeys: number | null;
}

/** Unused monthly allowance: gone at renewal, or carried over up to a cap. */
export type Rollover = { kind: "expires" } | { kind: "rolls_over"; cap: number };

export interface Plan {
  id: PlanId;
  name: string;
  /** US cents a month; 0 for free. Enterprise is the list price its contracts start from. */
  monthlyPriceCents: number;
  /** Credits granted at each paid renewal (invoice.paid). */
  monthlyCredits: number;
  rollover: Rollover;
  limits: PlanLimits;
  /** Stripe price lookup keys; empty for free (nothing to buy). */
  lookupKeys: { monthly: string | null };
}

export const plans: Readonly<Record<PlanId, Plan>> = {
  free: {
    id: "free",
    name: "Free",
    monthlyPriceCents: 0,
    monthlyCredits: 100,
    rollover: { kind: "expires" },
    limits: { records: 1_000, seats: 1, workflows: 1, integrations: 1, apiKeys: 1 },
    lookupKeys: { monthly: null },
  },
  starter: {
    id: "starter",
    name: "Starter",
    monthlyPriceCents: 4_900,
    monthlyCredits: 2_000,
    rollover: { kind: "expires" },
    limits: { records: 25_000, seats: 3, workflows: 5, integrations: 3, apiKeys: 3 },
    lookupKeys: { monthly: "quarry_starter_monthly" },
  },
  pro: {
    id: "pro",
    name: "Pro",
    monthlyPriceCents: 14_900,
    monthlyCredits: 10_000,
    rollover: { kind: "rolls_over", cap: 20_000 },
    limits: { records: 250_000, seats: 10, workflows: 50, integrations: 10, apiKeys: 20 },
    lookupKeys: { monthly: "quarry_pro_monthly" },
  },
  enterprise: {
    id: "enterprise",
    name: "Enterprise",
    monthlyPriceCents: 99_900,
    monthlyCredits: 100_000,
    rollover: { kind: "rolls_over", cap: 300_000 },
    limits: { records: null, seats: null, workflows: null, integrations: null, apiKeys: null },
    lookupKeys: { monthly: "quarry_enterprise_monthly" },
  },
};

/** The trial every new workspace starts with: no card, these many days and credits. */
export const TRIAL_DAYS = 14;
export const TRIAL_CREDITS = 500;
/** The plan a trialing workspace uses (its limits apply during the trial). */
export const TRIAL_PLAN: PlanId = "starter";

export function isPlanId(value: string): value is PlanId {
  return (planIds as readonly string[]).includes(value);
}

/** The plan a Stripe price lookup key names, if any. */
export function planByLookupKey(lookupKey: string | null | undefined): Plan | null {
  if (!lookupKey) return null;
  return Object.values(plans).find((p) => p.lookupKeys.monthly === lookupKey) ?? null;
}
