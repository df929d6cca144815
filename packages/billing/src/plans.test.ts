import { describe, expect, it } from "vitest";
import { type PlanLimits, planByLookupKey, planIds, plans, TRIAL_PLAN } from "./plans.ts";

const limitNames: (keyof PlanLimits)[] = ["records", "seats", "workflows", "integrations", "apiKeys"];
/** null (unlimited) is larger than any number. */
const size = (n: number | null) => (n === null ? Number.POSITIVE_INFINITY : n);

describe("plans", () => {
  it("each plan's id is its key", () => {
    for (const id of planIds) expect(plans[id].id).toBe(id);
  });

  it.each(planIds.slice(1).map((id, i) => [planIds[i] ?? "", id]))(
    "%s → %s: nothing shrinks",
    (lower, higher) => {
      const a = plans[lower as keyof typeof plans];
      const b = plans[higher as keyof typeof plans];
      expect(b.monthlyPriceCents).toBeGreaterThan(a.monthlyPriceCents);
      expect(b.monthlyCredits).toBeGreaterThan(a.monthlyCredits);
      for (const name of limitNames)
        expect(size(b.limits[name])).toBeGreaterThanOrEqual(size(a.limits[name]));
    },
  );

  it("lookup keys are unique, and every paid plan has one that finds it", () => {
    const keys = planIds.map((id) => plans[id].lookupKeys.monthly).filter((k) => k !== null);
    expect(new Set(keys).size).toBe(keys.length);
    for (const id of planIds) {
      const plan = plans[id];
      if (plan.monthlyPriceCents === 0) expect(plan.lookupKeys.monthly).toBeNull();
      else expect(planByLookupKey(plan.lookupKeys.monthly)?.id).toBe(id);
    }
    expect(planByLookupKey("quarry_unknown_monthly")).toBeNull();
  });

  it("a rollover cap is at least one month's allowance", () => {
    for (const id of planIds) {
      const { rollover, monthlyCredits } = plans[id];
      if (rollover.kind === "rolls_over") expect(rollover.cap).toBeGreaterThanOrEqual(monthlyCredits);
    }
  });

  it("the trial plan is a paid plan", () => {
    expect(plans[TRIAL_PLAN].monthlyPriceCents).toBeGreaterThan(0);
  });
});
