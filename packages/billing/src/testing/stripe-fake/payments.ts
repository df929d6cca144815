/** Moving money: a PaymentIntent confirmed with a test card, its Charge, and the events Stripe sends for them. */
import { cardOf, declineError } from "./cards.ts";
import type { Fake } from "./context.ts";
import type { FakeStripeError } from "./errors.ts";
import { publicView } from "./serialize.ts";
import type { Charge, Meta, PaymentIntent, PaymentMethod } from "./types.ts";

export interface PaymentInput {
  amount: number;
  currency: string;
  customer: string | null;
  paymentMethod: PaymentMethod | null;
  offSession: boolean;
  metadata: Meta;
  description?: string | null;
  /** Checkout's page counts as the customer completing 3D Secure. */
  authenticated?: boolean;
}

export interface PaymentResult {
  intent: PaymentIntent;
  charge: Charge | null;
  error: FakeStripeError | null;
}

export function newPaymentIntent(fx: Fake, input: PaymentInput): PaymentIntent {
  const id = fx.store.newId("pi");
  const intent = fx.store.put<PaymentIntent>({
    id,
    object: "payment_intent",
    amount: input.amount,
    amount_capturable: 0,
    amount_details: { tip: {} },
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: "automatic",
    client_secret: `${id}_secret_${fx.store.newId("s").slice(2)}`,
    confirmation_method: "automatic",
    created: fx.store.now(input.customer),
    currency: input.currency,
    customer: input.customer,
    description: input.description ?? null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    metadata: input.metadata,
    next_action: null,
    on_behalf_of: null,
    payment_method: input.paymentMethod?.id ?? null,
    payment_method_options: { card: { request_three_d_secure: "automatic" } },
    payment_method_types: ["card"],
    processing: null,
    receipt_email: null,
    review: null,
    setup_future_usage: null,
    shipping: null,
    statement_descriptor: null,
    statement_descriptor_suffix: null,
    status: input.paymentMethod ? "requires_confirmation" : "requires_payment_method",
    transfer_data: null,
    transfer_group: null,
  });
  fx.bus.emit("payment_intent.created", intent);
  return intent;
}

function newCharge(
  fx: Fake,
  intent: PaymentIntent,
  pm: PaymentMethod,
  failure: FakeStripeError | null,
): Charge {
  const id = fx.store.newId("ch");
  const ok = failure === null;
  return fx.store.put<Charge>({
    id,
    object: "charge",
    amount: intent.amount,
    amount_captured: ok ? intent.amount : 0,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: ok ? fx.store.newId("txn") : null,
    billing_details: pm.billing_details,
    calculated_statement_descriptor: "QUARRY",
    captured: ok,
    created: fx.store.now(intent.customer),
    currency: intent.currency,
    customer: intent.customer,
    description: intent.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: failure?.body.code ?? null,
    failure_message: failure?.body.message ?? null,
    fraud_details: {},
    livemode: false,
    metadata: intent.metadata,
    outcome: {
      network_status: ok ? "approved_by_network" : "declined_by_network",
      reason: failure?.body.decline_code ?? null,
      risk_level: "normal",
      seller_message: ok
        ? "Payment complete."
        : "The bank did not return any further details with this decline.",
      type: ok ? "authorized" : "issuer_declined",
    },
    paid: ok,
    payment_intent: intent.id,
    payment_method: pm.id,
    payment_method_details: {
      card: { brand: pm.card.brand, country: "US", funding: "credit", last4: pm.card.last4 },
      type: "card",
    },
    receipt_email: null,
    receipt_url: `${fx.store.baseUrl()}/receipts/${id}`,
    refunded: false,
    refunds: { object: "list", data: [], has_more: false, url: `/v1/charges/${id}/refunds` },
    review: null,
    status: ok ? "succeeded" : "failed",
  });
}

/** Confirms `intent` with its payment method: succeeded, declined (402 card_error) or requires_action (3DS). */
export function confirmPayment(fx: Fake, intent: PaymentIntent, input: PaymentInput): PaymentResult {
  const pm = input.paymentMethod;
  if (!pm) return { intent, charge: null, error: null };
  const card = cardOf(pm);
  if (card.requiresAuthentication && !input.authenticated) {
    if (input.offSession) {
      const error = declineError({
        code: "authentication_required",
        decline_code: "authentication_required",
        message: "Your card was declined. This transaction requires authentication.",
      });
      return fail(fx, intent, pm, error, false);
    }
    intent.status = "requires_action";
    intent.next_action = {
      type: "use_stripe_sdk",
      use_stripe_sdk: {
        type: "three_d_secure_redirect",
        stripe_js: `${fx.store.baseUrl()}/3ds/${intent.id}`,
      },
    };
    fx.bus.emit("payment_intent.requires_action", intent);
    return { intent, charge: null, error: null };
  }
  if (card.declineOnCharge) return fail(fx, intent, pm, declineError(card.declineOnCharge), true);
  const charge = newCharge(fx, intent, pm, null);
  Object.assign(intent, {
    status: "succeeded",
    amount_received: intent.amount,
    latest_charge: charge.id,
    last_payment_error: null,
    next_action: null,
  });
  fx.bus.emit("charge.succeeded", charge);
  fx.bus.emit("payment_intent.succeeded", intent);
  return { intent, charge, error: null };
}

function fail(fx: Fake, intent: PaymentIntent, pm: PaymentMethod, error: FakeStripeError, charged: boolean) {
  const charge = charged ? newCharge(fx, intent, pm, error) : null;
  if (charge) error.body.charge = charge.id;
  intent.status = "requires_payment_method";
  intent.latest_charge = charge?.id ?? intent.latest_charge;
  intent.last_payment_error = { ...error.body, payment_method: publicView(pm) };
  intent.payment_method = null;
  error.body.payment_method = publicView(pm);
  error.body.payment_intent = publicView(intent);
  if (charge) fx.bus.emit("charge.failed", charge);
  fx.bus.emit("payment_intent.payment_failed", intent);
  return { intent, charge, error };
}

export function pay(fx: Fake, input: PaymentInput): PaymentResult {
  return confirmPayment(fx, newPaymentIntent(fx, input), input);
}
