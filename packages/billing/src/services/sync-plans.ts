import type Stripe from "stripe";
import { type Plan, plans } from "../plans.ts";

export interface SyncedPlan {
  plan: string;
  product: string;
  price: string;
  lookupKey: string;
  /** What this run did: created the price, replaced it (amount changed), or nothing. */
  action: "created" | "replaced" | "unchanged";
}

const productId = (plan: Plan) => `quarry_${plan.id}`;

/**
 * Makes Stripe's catalog match plans.ts, idempotently: one Product per paid plan (id
 * `quarry_<plan>`, so a rerun finds it) and one active monthly USD Price holding the plan's
 * lookup key. A price whose amount or interval no longer matches is replaced: the new price
 * takes the lookup key over (transfer_lookup_key) and the old one is archived, so existing
 * subscriptions keep theirs and new checkouts use the new one. Running it twice changes nothing.
 */
export async function syncPlans(stripe: Stripe): Promise<SyncedPlan[]> {
  const out: SyncedPlan[] = [];
  for (const plan of Object.values(plans)) {
    const lookupKey = plan.lookupKeys.monthly;
    if (!lookupKey) continue;
    const product = await ensureProduct(stripe, plan);
    const [current] = (await stripe.prices.list({ lookup_keys: [lookupKey], limit: 1 })).data;
    if (current?.active && matches(current, plan, product.id)) {
      out.push({ plan: plan.id, product: product.id, price: current.id, lookupKey, action: "unchanged" });
      continue;
    }
    const price = await stripe.prices.create({
      product: product.id,
      currency: "usd",
      unit_amount: plan.monthlyPriceCents,
      recurring: { interval: "month" },
      lookup_key: lookupKey,
      transfer_lookup_key: true,
      nickname: `${plan.name} monthly`,
      metadata: { quarry_plan: plan.id },
    });
    if (current?.active) await stripe.prices.update(current.id, { active: false });
    out.push({
      plan: plan.id,
      product: product.id,
      price: price.id,
      lookupKey,
      action: current ? "replaced" : "created",
    });
  }
  return out;
}

async function ensureProduct(stripe: Stripe, plan: Plan): Promise<Stripe.Product> {
  const name = `Quarry ${plan.name}`;
  const existing = await stripe.products.retrieve(productId(plan)).catch((error: unknown) => {
    if (error instanceof Error && "code" in error && error.code === "resource_missing") return null;
    throw error;
  });
  if (!existing) {
    return stripe.products.create({ id: productId(plan), name, metadata: { quarry_plan: plan.id } });
  }
  if (existing.name !== name || !existing.active)
    return stripe.products.update(existing.id, { name, active: true });
  return existing;
}

function matches(price: Stripe.Price, plan: Plan, product: string): boolean {
  const productOf = typeof price.product === "string" ? price.product : price.product.id;
  return (
    productOf === product &&
    price.currency === "usd" &&
    price.unit_amount === plan.monthlyPriceCents &&
    price.recurring?.interval === "month" &&
    price.recurring.interval_count === 1
  );
}
