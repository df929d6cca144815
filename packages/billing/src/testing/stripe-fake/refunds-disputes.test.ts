/** Money after the fact: refunds and disputes, as the SDK sees them and as events. */
import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StripeFake, startStripeFake } from "./index.ts";

let fake: StripeFake;
let stripe: Stripe;

beforeAll(async () => {
  fake = await startStripeFake();
  stripe = fake.stripe();
});
afterAll(() => fake.close());

function eventsFor(type: string, id: string) {
  return fake.events().filter((e) => e.type === type && JSON.stringify(e.data.object).includes(id));
}

describe("refunds and disputes", () => {
  it("a refund sends charge.refunded and a dispute helper sends charge.dispute.created", async () => {
    const customer = await stripe.customers.create({});
    const intent = await stripe.paymentIntents.create({
      amount: 5000,
      currency: "usd",
      customer: customer.id,
      payment_method: "pm_card_visa",
      confirm: true,
      off_session: true,
      metadata: { order: "credits-5000" },
    });
    expect(intent.status).toBe("succeeded");
    await stripe.refunds.create({ payment_intent: intent.id, amount: 2000 });
    const charge = await stripe.charges.retrieve(intent.latest_charge as string);
    expect([charge.amount_refunded, charge.refunded]).toEqual([2000, false]);
    expect(eventsFor("charge.refunded", charge.id)).toHaveLength(1);
    await stripe.refunds.create({ charge: charge.id });
    const full = await stripe.charges.retrieve(charge.id);
    expect([full.amount_refunded, full.refunded]).toEqual([5000, true]);
    const again = (await stripe.refunds
      .create({ charge: charge.id })
      .catch((e: unknown) => e)) as Stripe.errors.StripeError;
    expect([again.type, again.code]).toEqual(["StripeInvalidRequestError", "charge_already_refunded"]);
    fake.openDispute(charge.id);
    expect(eventsFor("charge.dispute.created", charge.id)).toHaveLength(1);
  });
});
