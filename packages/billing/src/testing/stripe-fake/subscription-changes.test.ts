/** More subscription changes: always_invoice, ending a trial now, adding and removing items, 3D Secure invoices. */
import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StripeFake, startStripeFake } from "./index.ts";

const DAY = 86_400;
const JAN_1 = 1_767_225_600; // 2026-01-01T00:00:00Z

let fake: StripeFake;
let stripe: Stripe;
let basic: Stripe.Price;
let seats: Stripe.Price;

beforeAll(async () => {
  fake = await startStripeFake();
  stripe = fake.stripe();
  const product = await stripe.products.create({ name: "Quarry" });
  const monthly = (unit_amount: number) =>
    stripe.prices.create({
      product: product.id,
      currency: "usd",
      unit_amount,
      recurring: { interval: "month" },
    });
  basic = await monthly(1000);
  seats = await monthly(500);
});
afterAll(() => fake.close());

async function subscribedOnClock(card = "pm_card_visa", trialDays?: number) {
  const clock = await stripe.testHelpers.testClocks.create({ frozen_time: JAN_1 });
  const customer = await stripe.customers.create({ test_clock: clock.id });
  const pm = await stripe.paymentMethods.attach(card, { customer: customer.id });
  await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: pm.id } });
  const sub = await stripe.subscriptions.create({
    customer: customer.id,
    items: [{ price: basic.id }],
    ...(trialDays ? { trial_period_days: trialDays } : {}),
  });
  return { clock, customer, sub };
}

describe("subscription changes", () => {
  it("always_invoice charges the prorations at once", async () => {
    const { clock, sub } = await subscribedOnClock();
    await stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: JAN_1 + 15 * DAY });
    const updated = await stripe.subscriptions.update(sub.id, {
      items: [{ id: sub.items.data[0]?.id ?? "", quantity: 3 }],
      proration_behavior: "always_invoice",
      expand: ["latest_invoice"],
    });
    const invoice = updated.latest_invoice as Stripe.Invoice;
    // 16 of 31 days left: credit 1000·16/31, charge 3000·16/31.
    expect([invoice.billing_reason, invoice.lines.data.map((l) => l.amount), invoice.status]).toEqual([
      "subscription_update",
      [-516, 1548],
      "paid",
    ]);
  });

  it("trial_end=now ends the trial and charges the first period", async () => {
    const { sub } = await subscribedOnClock("pm_card_visa", 14);
    expect(sub.status).toBe("trialing");
    const updated = await stripe.subscriptions.update(sub.id, {
      trial_end: "now",
      expand: ["latest_invoice"],
    });
    expect(updated.status).toBe("active");
    expect([
      (updated.latest_invoice as Stripe.Invoice).amount_paid,
      updated.items.data[0]?.current_period_start,
    ]).toEqual([1000, JAN_1]);
  });

  it("an item without id is added, deleted: true removes one", async () => {
    const { sub } = await subscribedOnClock();
    const added = await stripe.subscriptions.update(sub.id, {
      items: [{ price: seats.id, quantity: 2 }],
      proration_behavior: "none",
    });
    expect(added.items.data.map((i) => [i.price.id, i.quantity])).toEqual([
      [basic.id, 1],
      [seats.id, 2],
    ]);
    const removed = await stripe.subscriptions.update(sub.id, {
      items: [{ id: added.items.data[1]?.id ?? "", deleted: true }],
      proration_behavior: "none",
    });
    expect(removed.items.data.map((i) => i.price.id)).toEqual([basic.id]);
  });

  it("a card needing 3D Secure leaves the first invoice awaiting action", async () => {
    const { sub } = await subscribedOnClock("pm_card_authenticationRequired");
    expect(sub.status).toBe("incomplete");
    const invoice = await stripe.invoices.retrieve(sub.latest_invoice as string, { expand: ["payments"] });
    const intent = await stripe.paymentIntents.retrieve(
      invoice.payments?.data[0]?.payment.payment_intent as string,
    );
    expect([invoice.status, intent.status]).toEqual(["open", "requires_action"]);
    expect(
      fake
        .events()
        .some((e) => e.type === "invoice.payment_action_required" && e.data.object.id === invoice.id),
    ).toBe(true);
  });

  it("deleting cancels at once with customer.subscription.deleted", async () => {
    const { sub } = await subscribedOnClock();
    const canceled = await stripe.subscriptions.cancel(sub.id);
    expect([canceled.status, canceled.ended_at]).toEqual(["canceled", JAN_1]);
    expect(
      fake.events().filter((e) => e.type === "customer.subscription.deleted" && e.data.object.id === sub.id),
    ).toHaveLength(1);
    const listed = await stripe.subscriptions.list({ customer: canceled.customer as string });
    expect(listed.data).toEqual([]);
  });
});
