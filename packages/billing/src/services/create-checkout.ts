import { AppError } from "@quarry/core/app-error";
import type { ServiceCtx } from "@quarry/db/service-context";
import { plans } from "../plans.ts";
import { findBillingState } from "../queries/billing-state.queries.ts";
import type { CreateCheckoutInput, StripeRedirect } from "../schemas/checkout.ts";
import { billingPageUrl, ensureStripeCustomer, requireStripe, type StripeDeps } from "./stripe-customer.ts";

/**
 * Statuses of a live Stripe subscription: a second one is not bought through Checkout. (Quarry's
 * own trial has no subscription id, so a trialing workspace buys normally.)
 */
const subscribed = new Set(["active", "past_due", "trialing"]);

/**
 * A Stripe Checkout Session (subscription mode) for the plan's monthly price, found by lookup
 * key, for the workspace's customer. The workspace id rides along as client_reference_id and on
 * the subscription's metadata, so the webhooks name it. Success and cancel return to the billing
 * page on APP_ORIGIN.
 */
export async function createCheckout(
  ctx: ServiceCtx,
  input: CreateCheckoutInput,
  deps: StripeDeps,
): Promise<StripeRedirect> {
  const stripe = requireStripe(deps);
  const state = await findBillingState(ctx.db, ctx.workspaceId);
  if (state?.stripe_subscription_id && subscribed.has(state.status))
    throw new AppError(
      "CONFLICT",
      "This workspace already has a subscription: change it with Manage card and invoices.",
    );
  const plan = plans[input.plan];
  const lookupKey = plan.lookupKeys.monthly;
  const price = lookupKey
    ? (await stripe.prices.list({ lookup_keys: [lookupKey], active: true, limit: 1 })).data[0]
    : undefined;
  if (!price)
    throw new AppError(
      "INTERNAL",
      `The ${plan.name} plan has no Stripe price yet: an operator runs npm run admin -- billing-sync.`,
    );
  const customer = await ensureStripeCustomer(ctx, stripe);
  const metadata = { workspace_id: ctx.workspaceId, plan: plan.id };
  const session = await stripe.checkout.sessions.create({
    mode: "subscription",
    customer,
    line_items: [{ price: price.id, quantity: 1 }],
    client_reference_id: ctx.workspaceId,
    metadata,
    subscription_data: { metadata },
    success_url: billingPageUrl(deps, ctx.workspaceId, "?checkout=success&session_id={CHECKOUT_SESSION_ID}"),
    cancel_url: billingPageUrl(deps, ctx.workspaceId, "?checkout=canceled"),
  });
  if (!session.url) throw new AppError("INTERNAL", "Stripe returned a Checkout Session without a URL.");
  return { url: session.url };
}
