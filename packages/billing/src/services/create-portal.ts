import { AppError } from "@quarry/core/app-error";
import type { ServiceCtx } from "@quarry/db/service-context";
import { findBillingState } from "../queries/billing-state.queries.ts";
import type { StripeRedirect } from "../schemas/checkout.ts";
import { billingPageUrl, requireStripe, type StripeDeps } from "./stripe-customer.ts";

/** A Stripe Billing Portal session for the workspace's customer, returning to the billing page. */
export async function createPortal(ctx: ServiceCtx, deps: StripeDeps): Promise<StripeRedirect> {
  const stripe = requireStripe(deps);
  const state = await findBillingState(ctx.db, ctx.workspaceId);
  if (!state?.stripe_customer_id)
    throw new AppError("BAD_REQUEST", "This workspace has no billing account yet: choose a plan first.");
  const session = await stripe.billingPortal.sessions.create({
    customer: state.stripe_customer_id,
    return_url: billingPageUrl(deps, ctx.workspaceId),
  });
  return { url: session.url };
}
