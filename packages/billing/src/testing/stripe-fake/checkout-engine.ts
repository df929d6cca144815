/** Completing a Checkout Session as the hosted page's "Pay" does: customer, card, subscription or payment, events. */
import { cardOf, createCardPaymentMethod, type Decline } from "./cards.ts";
import type { Fake } from "./context.ts";
import { newCustomer } from "./customer-builder.ts";
import { invalidRequest } from "./errors.ts";
import { pay } from "./payments.ts";
import { createSubscription } from "./subscription-engine.ts";
import type { CheckoutSession, Customer, Price } from "./types.ts";

export function sessionAmount(fx: Fake, session: CheckoutSession): number {
  return (session.lineItems ?? []).reduce(
    (sum, li) => sum + (fx.store.get<Price>(li.price, "price").unit_amount ?? 0) * li.quantity,
    0,
  );
}

function ensureCustomer(fx: Fake, session: CheckoutSession, email: string): Customer {
  if (session.customer) return fx.store.get<Customer>(session.customer, "customer");
  const customer = newCustomer(fx.store, { email, testClock: null });
  fx.bus.emit("customer.created", customer);
  return customer;
}

/** Returns the decline shown on the page, or null when the session completed. */
export function completeCheckout(
  fx: Fake,
  session: CheckoutSession,
  card: string,
  email: string,
): Decline | null {
  if (session.status !== "open") throw invalidRequest("This Checkout Session is no longer active.");
  const test = cardOf({ testCard: card } as never);
  const decline = test.declineOnAttach ?? test.declineOnCharge;
  if (decline) return decline;
  const customer = ensureCustomer(fx, session, session.customer_email ?? email);
  const pm = createCardPaymentMethod(fx.store, card, customer.id);
  fx.bus.emit("payment_method.attached", pm);
  const amount = sessionAmount(fx, session);
  const currency = (session.currency as string | null) ?? "usd";
  if (session.mode === "subscription") {
    const trialDays = session.subscriptionData?.trial_period_days ?? null;
    const now = fx.store.now(customer.id);
    const { sub, invoice } = createSubscription(fx, {
      customer: customer.id,
      items: (session.lineItems ?? []).map((li) => ({
        price: fx.store.get<Price>(li.price, "price"),
        quantity: li.quantity,
        metadata: {},
      })),
      metadata: session.subscriptionData?.metadata ?? {},
      trialEnd: trialDays ? now + trialDays * 86_400 : null,
      defaultPaymentMethod: pm.id,
      cancelAtPeriodEnd: false,
      paymentBehavior: "allow_incomplete",
      authenticated: true,
    });
    Object.assign(session, {
      subscription: sub.id,
      invoice: invoice.id,
      payment_status: invoice.amount_due === 0 ? "no_payment_required" : "paid",
    });
  } else {
    const { intent } = pay(fx, {
      amount,
      currency,
      customer: customer.id,
      paymentMethod: pm,
      offSession: false,
      metadata: session.paymentIntentData?.metadata ?? {},
      authenticated: true,
    });
    Object.assign(session, { payment_intent: intent.id, payment_status: "paid" });
  }
  Object.assign(session, {
    status: "complete",
    customer: customer.id,
    customer_details: {
      address: null,
      email: customer.email,
      name: customer.name,
      phone: null,
      tax_exempt: "none",
      tax_ids: [],
      business_name: null,
      individual_name: null,
    },
    url: null,
  });
  fx.bus.emit("checkout.session.completed", session);
  return null;
}
