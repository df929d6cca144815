/** Subscriptions: create, retrieve, update (items, prorations, cancel_at_period_end), cancel, list. */
import { FakeStripeError, invalidRequest } from "../errors.ts";
import { asParams, bool, int, list, mergeMetadata, oneOf, required, str } from "../form.ts";
import { type ApiRequest, arg, type Route, route } from "../router.ts";
import { invoicePayments } from "../serialize.ts";
import { createdFilter, paginate } from "../store.ts";
import { createSubscription } from "../subscription-engine.ts";
import { cancelSubscription, updateSubscription } from "../subscription-update.ts";
import type { Customer, Price, Subscription } from "../types.ts";

function create(req: ApiRequest) {
  const { store } = req.fx;
  const p = req.params;
  const customer = store.get<Customer>(required(p, "customer"), "customer", "customer");
  const items = (list(p, "items") ?? []).map((raw, i) => {
    const item = asParams(raw, `items[${i}]`);
    const price = store.get<Price>(required(item, "price"), "price", `items[${i}][price]`);
    if (!price.recurring)
      throw invalidRequest(
        `The price specified is set to \`type=one_time\` but this field only accepts prices with \`type=recurring\`.`,
        `items[${i}][price]`,
      );
    return { price, quantity: int(item, "quantity") ?? 1, metadata: mergeMetadata({}, item) };
  });
  if (items.length === 0)
    throw invalidRequest("Missing required param: items.", "items", "parameter_missing");
  const now = store.now(customer.id);
  const trialDays = int(p, "trial_period_days");
  const trialEndParam = str(p, "trial_end");
  const trialEnd =
    trialEndParam && trialEndParam !== "now"
      ? Number(trialEndParam)
      : trialDays
        ? now + trialDays * 86_400
        : null;
  const behavior =
    oneOf(p, "payment_behavior", [
      "allow_incomplete",
      "default_incomplete",
      "error_if_incomplete",
      "pending_if_incomplete",
    ] as const) ?? "allow_incomplete";
  const { sub, invoice } = createSubscription(req.fx, {
    customer: customer.id,
    items,
    metadata: mergeMetadata({}, p),
    trialEnd,
    defaultPaymentMethod: str(p, "default_payment_method") ?? null,
    cancelAtPeriodEnd: bool(p, "cancel_at_period_end") ?? false,
    paymentBehavior: behavior,
  });
  if (behavior === "error_if_incomplete" && sub.status === "incomplete") {
    const failure = invoicePayments(store, invoice.id).at(-1);
    const pi = failure
      ? store.find((failure.payment as { payment_intent: string }).payment_intent)
      : undefined;
    const error = pi?.last_payment_error as
      | { message?: string; code?: string; decline_code?: string }
      | undefined;
    store.remove(sub.id);
    throw new FakeStripeError(402, {
      type: "card_error",
      message: error?.message ?? "Your card was declined.",
      code: error?.code ?? "card_declined",
      ...(error?.decline_code ? { decline_code: error.decline_code } : {}),
    });
  }
  return sub;
}

function listSubscriptions(req: ApiRequest) {
  const p = req.params;
  const customer = str(p, "customer");
  const price = str(p, "price");
  const status = str(p, "status");
  const items = req.fx.store
    .all<Subscription>("subscription")
    .filter(
      (s) =>
        (!customer || s.customer === customer) &&
        (!price || s.items.data.some((i) => i.price.id === price)) &&
        (status === "all" || (status ? s.status === status : s.status !== "canceled")),
    )
    .filter(createdFilter(p));
  return paginate(items, p, "/v1/subscriptions");
}

const cancel = (req: ApiRequest) =>
  cancelSubscription(req.fx, req.fx.store.get<Subscription>(arg(req), "subscription"));

export const subscriptionRoutes: Route[] = [
  route("POST", "/v1/subscriptions", create),
  route("GET", "/v1/subscriptions", listSubscriptions),
  route("GET", "/v1/subscriptions/:id", (req) => req.fx.store.get<Subscription>(arg(req), "subscription")),
  route("POST", "/v1/subscriptions/:id", (req) => {
    const sub = req.fx.store.get<Subscription>(arg(req), "subscription");
    if (sub.status === "canceled") {
      throw invalidRequest("A canceled subscription can only update its cancellation_details and metadata.");
    }
    return updateSubscription(req.fx, sub, req.params);
  }),
  route("DELETE", "/v1/subscriptions/:id", cancel),
  route("GET", "/v1/subscription_items", (req) => {
    const sub = req.fx.store.get<Subscription>(
      required(req.params, "subscription"),
      "subscription",
      "subscription",
    );
    return paginate([...sub.items.data].reverse(), req.params, "/v1/subscription_items");
  }),
];
