/** Checkout Sessions (hosted on the fake at /checkout/<id>) and Billing Portal Sessions (at /billing_portal/<id>). */
import { sessionAmount } from "../checkout-engine.ts";
import { invalidRequest } from "../errors.ts";
import { asParams, int, list, mergeMetadata, obj, oneOf, required, str } from "../form.ts";
import { type ApiRequest, arg, type Json, type Route, route } from "../router.ts";
import { paginate } from "../store.ts";
import type { CheckoutSession, Customer, Price } from "../types.ts";

function lineItems(req: ApiRequest, session: CheckoutSession) {
  const data = (session.lineItems ?? []).map((li, index) => {
    const price = req.fx.store.get<Price>(li.price, "price");
    const amount = (price.unit_amount ?? 0) * li.quantity;
    const product = req.fx.store.find(price.product);
    return {
      id: `li_${session.id.slice(8, 30)}${index}`,
      object: "item",
      amount_discount: 0,
      amount_subtotal: amount,
      amount_tax: 0,
      amount_total: amount,
      currency: price.currency,
      description: (product?.name as string | undefined) ?? null,
      price,
      quantity: li.quantity,
    };
  });
  return { object: "list", data, has_more: false, url: `/v1/checkout/sessions/${session.id}/line_items` };
}

function createSession(req: ApiRequest) {
  const { store } = req.fx;
  const p = req.params;
  const mode = oneOf(p, "mode", ["payment", "subscription", "setup"] as const);
  if (!mode) throw invalidRequest("Missing required param: mode.", "mode", "parameter_missing");
  if (mode === "setup")
    throw invalidRequest("The Stripe fake does not implement Checkout in setup mode.", "mode");
  const customer = str(p, "customer") ?? null;
  if (customer) store.get<Customer>(customer, "customer", "customer");
  const items = (list(p, "line_items") ?? []).map((raw, i) => {
    const li = asParams(raw, `line_items[${i}]`);
    const price = store.get<Price>(required(li, "price"), "price", `line_items[${i}][price]`);
    if (mode === "subscription" && !price.recurring && i === 0) {
      throw invalidRequest(
        "You must specify at least one recurring price in `subscription` mode when using prices.",
        `line_items[${i}][price]`,
      );
    }
    return { price: price.id, quantity: int(li, "quantity") ?? 1 };
  });
  if (items.length === 0)
    throw invalidRequest("Missing required param: line_items.", "line_items", "parameter_missing");
  const id = store.newId("cs");
  const subData = obj(p, "subscription_data") ?? {};
  const piData = obj(p, "payment_intent_data") ?? {};
  const first = items[0] ? store.get<Price>(items[0].price, "price") : null;
  const now = store.now(customer);
  const session: CheckoutSession = {
    id,
    object: "checkout.session",
    allow_promotion_codes: null,
    amount_subtotal: 0,
    amount_total: 0,
    automatic_tax: { enabled: false, liability: null, status: null, provider: null },
    billing_address_collection: null,
    cancel_url: str(p, "cancel_url") ?? null,
    client_reference_id: str(p, "client_reference_id") ?? null,
    client_secret: null,
    created: now,
    currency: first?.currency ?? null,
    customer,
    customer_creation: customer ? null : "if_required",
    customer_details: null,
    customer_email: str(p, "customer_email") ?? null,
    expires_at: now + 24 * 3600,
    invoice: null,
    livemode: false,
    locale: null,
    metadata: mergeMetadata({}, p),
    mode,
    payment_intent: null,
    payment_link: null,
    payment_method_collection: "always",
    payment_method_types: ["card"],
    payment_status: "unpaid",
    setup_intent: null,
    status: "open",
    submit_type: null,
    subscription: null,
    success_url: str(p, "success_url") ?? null,
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    ui_mode: "hosted",
    url: `${store.baseUrl()}/checkout/${id}`,
    lineItems: items,
    subscriptionData: {
      metadata: mergeMetadata({}, subData),
      trial_period_days: int(subData, "trial_period_days") ?? null,
    },
    paymentIntentData: { metadata: mergeMetadata({}, piData) },
  };
  // A trial defers the first payment: Checkout shows (and records) 0 due today.
  const amount = session.subscriptionData?.trial_period_days ? 0 : sessionAmount(req.fx, session);
  Object.assign(session, { amount_subtotal: amount, amount_total: amount });
  return store.put(session);
}

function withLineItems(req: ApiRequest, session: CheckoutSession): Json {
  return req.expand.includes("line_items") ? { ...session, line_items: lineItems(req, session) } : session;
}

export const checkoutRoutes: Route[] = [
  route("POST", "/v1/checkout/sessions", (req) => withLineItems(req, createSession(req))),
  route("GET", "/v1/checkout/sessions", (req) => {
    const pi = str(req.params, "payment_intent");
    const sub = str(req.params, "subscription");
    const customer = str(req.params, "customer");
    const items = req.fx.store
      .all<CheckoutSession>("checkout.session")
      .filter(
        (s) =>
          (!pi || s.payment_intent === pi) &&
          (!sub || s.subscription === sub) &&
          (!customer || s.customer === customer),
      );
    return paginate(items, req.params, "/v1/checkout/sessions");
  }),
  route("GET", "/v1/checkout/sessions/:id", (req) =>
    withLineItems(req, req.fx.store.get<CheckoutSession>(arg(req), "checkout.session")),
  ),
  route("GET", "/v1/checkout/sessions/:id/line_items", (req) =>
    lineItems(req, req.fx.store.get<CheckoutSession>(arg(req), "checkout.session")),
  ),
  route("POST", "/v1/checkout/sessions/:id/expire", (req) => {
    const session = req.fx.store.get<CheckoutSession>(arg(req), "checkout.session");
    if (session.status !== "open")
      throw invalidRequest(`Only Checkout Sessions with a status in ["open"] can be expired.`);
    Object.assign(session, { status: "expired", url: null });
    req.fx.bus.emit("checkout.session.expired", session);
    return session;
  }),
  route("POST", "/v1/billing_portal/sessions", (req) => {
    const { store } = req.fx;
    const customer = store.get<Customer>(required(req.params, "customer"), "customer", "customer");
    const id = store.newId("bps");
    return store.put({
      id,
      object: "billing_portal.session",
      configuration: "bpc_fake_default",
      created: store.now(customer.id),
      customer: customer.id,
      customer_account: null,
      flow: null,
      livemode: false,
      locale: null,
      on_behalf_of: null,
      return_url: str(req.params, "return_url") ?? null,
      url: `${store.baseUrl()}/billing_portal/${id}`,
    });
  }),
];
