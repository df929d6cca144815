import { AppError } from "@quarry/core/app-error";
import type { ServiceCtx } from "@quarry/db/service-context";
import type Stripe from "stripe";
import { findBillingState, setStripeCustomer } from "../queries/billing-state.queries.ts";

/** What checkout and the portal need from the process: its Stripe client (null: not configured) and APP_ORIGIN. */
export interface StripeDeps {
  stripe: Stripe | null;
  /** The app's public origin: return URLs are built from it, never from the request. */
  appOrigin: string;
}

export const notConfigured = () =>
  new AppError("BAD_REQUEST", "Billing is not configured on this install (no Stripe secret key).");

export function requireStripe(deps: StripeDeps): Stripe {
  if (!deps.stripe) throw notConfigured();
  return deps.stripe;
}

/**
 * The workspace's Stripe customer: the stored one, else one created with metadata.workspace_id
 * under an idempotency key per workspace (a retried or concurrent call gets the same customer),
 * then stored.
 */
export async function ensureStripeCustomer(ctx: ServiceCtx, stripe: Stripe): Promise<string> {
  const state = await findBillingState(ctx.db, ctx.workspaceId);
  if (state?.stripe_customer_id) return state.stripe_customer_id;
  const customer = await stripe.customers.create(
    { metadata: { workspace_id: ctx.workspaceId } },
    { idempotencyKey: `quarry-customer:${ctx.workspaceId}` },
  );
  return setStripeCustomer(ctx.db, ctx.workspaceId, customer.id);
}

/** The billing page's URL on APP_ORIGIN, with extra query parameters. */
export function billingPageUrl(deps: StripeDeps, workspaceId: string, query = ""): string {
  const url = new URL(`/w/${workspaceId}/settings/billing`, deps.appOrigin);
  return `${url.toString()}${query}`;
}
