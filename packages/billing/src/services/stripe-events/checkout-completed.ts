import { setStripeCustomer } from "../../queries/billing-state.queries.ts";
import { findWorkspace } from "./find-workspace.ts";
import {
  eventObject,
  type HandlerCtx,
  type HandlerResult,
  idOf,
  ignored,
  type StoredEvent,
  str,
} from "./handler.ts";
import { applySubscription } from "./subscription-changed.ts";

/**
 * checkout.session.completed (subscription mode): the workspace (client_reference_id or
 * metadata.workspace_id) keeps the session's customer, and its plan and status come from the
 * subscription re-fetched from Stripe (the event names it but may be older than its state), so
 * the page shows the plan even when the subscription events are late. Without a Stripe client
 * only the customer is recorded; the subscription events carry the rest.
 */
export async function checkoutCompleted(ctx: HandlerCtx, event: StoredEvent): Promise<HandlerResult> {
  const session = eventObject(event);
  if (session.mode !== "subscription") return ignored(`checkout mode ${String(session.mode)}`);
  const customerId = idOf(session.customer);
  const workspaceId = await findWorkspace(ctx.db, {
    metadata: [{ workspace_id: str(session.client_reference_id) }, session.metadata],
    customerId,
  });
  if (!workspaceId) return ignored("no workspace for this checkout session");
  if (customerId) await setStripeCustomer(ctx.db, workspaceId, customerId);
  const subscriptionId = idOf(session.subscription);
  if (!subscriptionId || !ctx.stripe)
    return { outcome: "applied", workspaceId, note: "customer recorded; no subscription re-fetched" };
  const sub = await ctx.stripe.subscriptions.retrieve(subscriptionId);
  return applySubscription(ctx, event, workspaceId, sub as unknown as Record<string, unknown>, {
    deleted: sub.status === "canceled",
    historyKind: "checkout_completed",
  });
}
