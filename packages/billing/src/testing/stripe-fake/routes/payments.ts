/** PaymentIntents (confirm with a test card, off_session), Charges, Refunds. */
import { resolvePaymentMethod } from "../cards.ts";
import { invalidRequest } from "../errors.ts";
import { bool, int, mergeMetadata, required, str } from "../form.ts";
import { confirmPayment, newPaymentIntent } from "../payments.ts";
import { type ApiRequest, arg, type Route, route } from "../router.ts";
import { paginate } from "../store.ts";
import type { Charge, Customer, PaymentIntent, PaymentMethod } from "../types.ts";

function paymentMethodOf(req: ApiRequest, customer: string | null): PaymentMethod | null {
  const id = str(req.params, "payment_method");
  if (!id) return null;
  const pm = resolvePaymentMethod(req.fx.store, id);
  if (customer && pm.customer && pm.customer !== customer) {
    throw invalidRequest(`The provided PaymentMethod belongs to a different Customer.`, "payment_method");
  }
  return pm;
}

function createIntent(req: ApiRequest) {
  const { fx } = req;
  const p = req.params;
  const amount = int(p, "amount");
  if (amount === undefined)
    throw invalidRequest("Missing required param: amount.", "amount", "parameter_missing");
  if (amount < 50) throw invalidRequest("Amount must be at least $0.50 usd", "amount", "amount_too_small");
  const customer = str(p, "customer") ?? null;
  if (customer) fx.store.get<Customer>(customer, "customer", "customer");
  const input = {
    amount,
    currency: required(p, "currency").toLowerCase(),
    customer,
    paymentMethod: paymentMethodOf(req, customer),
    offSession: bool(p, "off_session") ?? false,
    metadata: mergeMetadata({}, p),
    description: str(p, "description") ?? null,
  };
  const intent = newPaymentIntent(fx, input);
  if (!bool(p, "confirm")) return intent;
  const result = confirmPayment(fx, intent, input);
  if (result.error) throw result.error;
  return intent;
}

function refund(req: ApiRequest) {
  const { fx } = req;
  const p = req.params;
  const pi = str(p, "payment_intent");
  const chargeId =
    str(p, "charge") ??
    (pi ? fx.store.get<PaymentIntent>(pi, "payment_intent", "payment_intent").latest_charge : null);
  if (!chargeId)
    throw invalidRequest(
      "One of the following params should be provided for this request: payment_intent or charge.",
    );
  const charge = fx.store.get<Charge>(chargeId, "charge", "charge");
  const amount = int(p, "amount") ?? charge.amount - charge.amount_refunded;
  if (amount <= 0 || charge.amount_refunded + amount > charge.amount) {
    throw invalidRequest(
      `Charge ${charge.id} has already been refunded.`,
      undefined,
      "charge_already_refunded",
    );
  }
  const created = fx.store.now(charge.customer);
  const refundObj = fx.store.put({
    id: fx.store.newId("re"),
    object: "refund",
    amount,
    balance_transaction: fx.store.newId("txn"),
    charge: charge.id,
    created,
    currency: charge.currency,
    destination_details: {
      card: { reference_status: "pending", reference_type: "acquirer_reference_number", type: "refund" },
      type: "card",
    },
    metadata: mergeMetadata({}, p),
    payment_intent: charge.payment_intent,
    reason: str(p, "reason") ?? null,
    receipt_number: null,
    source_transfer_reversal: null,
    status: "succeeded",
    transfer_reversal: null,
  });
  const previous = { amount_refunded: charge.amount_refunded, refunded: charge.refunded };
  charge.amount_refunded += amount;
  charge.refunded = charge.amount_refunded === charge.amount;
  fx.bus.emit("refund.created", refundObj);
  fx.bus.emit("charge.refunded", charge, previous);
  return refundObj;
}

export const paymentRoutes: Route[] = [
  route("POST", "/v1/payment_intents", createIntent),
  route("GET", "/v1/payment_intents", (req) => {
    const customer = str(req.params, "customer");
    const items = req.fx.store
      .all<PaymentIntent>("payment_intent")
      .filter((x) => !customer || x.customer === customer);
    return paginate(items, req.params, "/v1/payment_intents");
  }),
  route("GET", "/v1/payment_intents/:id", (req) =>
    req.fx.store.get<PaymentIntent>(arg(req), "payment_intent"),
  ),
  route("POST", "/v1/payment_intents/:id/confirm", (req) => {
    const intent = req.fx.store.get<PaymentIntent>(arg(req), "payment_intent");
    const pm =
      paymentMethodOf(req, intent.customer) ??
      (intent.payment_method
        ? req.fx.store.get<PaymentMethod>(intent.payment_method, "payment_method")
        : null);
    const input = {
      amount: intent.amount,
      currency: intent.currency,
      customer: intent.customer,
      paymentMethod: pm,
      offSession: bool(req.params, "off_session") ?? false,
      metadata: intent.metadata,
    };
    intent.payment_method = pm?.id ?? null;
    const result = confirmPayment(req.fx, intent, input);
    if (result.error) throw result.error;
    return intent;
  }),
  route("GET", "/v1/charges", (req) => {
    const customer = str(req.params, "customer");
    const pi = str(req.params, "payment_intent");
    const items = req.fx.store
      .all<Charge>("charge")
      .filter((c) => (!customer || c.customer === customer) && (!pi || c.payment_intent === pi));
    return paginate(items, req.params, "/v1/charges");
  }),
  route("GET", "/v1/charges/:id", (req) => req.fx.store.get<Charge>(arg(req), "charge")),
  route("POST", "/v1/refunds", refund),
  route("GET", "/v1/refunds/:id", (req) => req.fx.store.get(arg(req), "refund")),
];
