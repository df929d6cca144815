/**
 * Stripe's test PaymentMethods (https://docs.stripe.com/testing): `pm_card_*` ids and `tok_*` tokens become a new
 * pm_… object when used. Declines on attach for 0002/9995 (Stripe checks the card then); 0341 attaches, then declines.
 */
import { FakeStripeError } from "./errors.ts";
import type { Store } from "./store.ts";
import type { PaymentMethod } from "./types.ts";

export interface Decline {
  code: string;
  decline_code: string;
  message: string;
}

export interface TestCard {
  brand: string;
  last4: string;
  declineOnAttach?: Decline;
  declineOnCharge?: Decline;
  requiresAuthentication?: boolean;
}

const generic: Decline = {
  code: "card_declined",
  decline_code: "generic_decline",
  message: "Your card was declined.",
};
const funds: Decline = {
  code: "card_declined",
  decline_code: "insufficient_funds",
  message: "Your card has insufficient funds.",
};

export const testCards: Record<string, TestCard> = {
  visa: { brand: "visa", last4: "4242" },
  mastercard: { brand: "mastercard", last4: "4444" },
  amex: { brand: "amex", last4: "8431" },
  chargeDeclined: { brand: "visa", last4: "0002", declineOnAttach: generic, declineOnCharge: generic },
  chargeDeclinedInsufficientFunds: {
    brand: "visa",
    last4: "9995",
    declineOnAttach: funds,
    declineOnCharge: funds,
  },
  chargeCustomerFail: { brand: "visa", last4: "0341", declineOnCharge: generic },
  authenticationRequired: { brand: "visa", last4: "3184", requiresAuthentication: true },
};

function cardName(token: string): string | undefined {
  const m = /^(?:pm_card_|tok_)(.+)$/.exec(token);
  return m?.[1] && testCards[m[1]] ? m[1] : undefined;
}

export function cardOf(pm: PaymentMethod): TestCard {
  return testCards[pm.testCard ?? "visa"] ?? (testCards.visa as TestCard);
}

export function createCardPaymentMethod(store: Store, name: string, customer: string | null): PaymentMethod {
  const card = testCards[name] ?? (testCards.visa as TestCard);
  const now = store.now(customer);
  return store.put<PaymentMethod>({
    id: store.newId("pm"),
    object: "payment_method",
    allow_redisplay: "unspecified",
    billing_details: {
      address: { city: null, country: null, line1: null, line2: null, postal_code: null, state: null },
      email: null,
      name: null,
      phone: null,
      tax_id: null,
    },
    card: {
      brand: card.brand,
      checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: "pass" },
      country: "US",
      display_brand: card.brand,
      exp_month: 12,
      exp_year: new Date(now * 1000).getUTCFullYear() + 3,
      fingerprint: `fp${card.last4}${name.length}`,
      funding: "credit",
      generated_from: null,
      last4: card.last4,
      networks: { available: [card.brand], preferred: null },
      regulated_status: "unregulated",
      three_d_secure_usage: { supported: true },
      wallet: null,
    },
    created: now,
    customer,
    customer_account: null,
    livemode: false,
    metadata: {},
    type: "card",
    testCard: name,
  });
}

/** A pm_… id, or a test token (`pm_card_visa`, `tok_visa`) which yields a fresh PaymentMethod. */
export function resolvePaymentMethod(
  store: Store,
  idOrToken: string,
  param = "payment_method",
): PaymentMethod {
  const name = cardName(idOrToken);
  if (name) return createCardPaymentMethod(store, name, null);
  return store.get<PaymentMethod>(idOrToken, "payment_method", param);
}

export function declineError(decline: Decline, extra: Record<string, unknown> = {}): FakeStripeError {
  return new FakeStripeError(402, { type: "card_error", ...decline, ...extra });
}
