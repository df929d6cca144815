/** Subscriptions over time: prorations and their preview, test-clock renewals, declines, trials. */
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StripeFake, startStripeFake } from "./index.ts";

const DAY = 86_400;
const JAN_1 = 1_767_225_600; // 2026-01-01T00:00:00Z
const FEB_1 = JAN_1 + 31 * DAY;

let fake: StripeFake;
let stripe: Stripe;
let basic: Stripe.Price;
let pro: Stripe.Price;
let yearly: Stripe.Price;

beforeAll(async () => {
  fake = await startStripeFake();
  stripe = fake.stripe();
  const product = await stripe.products.create({ name: "Quarry" });
  const monthly = (unit_amount: number, lookup_key: string) =>
    stripe.prices.create({
      product: product.id,
      currency: "usd",
      unit_amount,
      recurring: { interval: "month" },
      lookup_key,
    });
  basic = await monthly(1000, "basic_monthly");
  pro = await monthly(3000, "pro_monthly");
  yearly = await stripe.prices.create({
    product: product.id,
    currency: "usd",
    unit_amount: 10_000,
    recurring: { interval: "year" },
    lookup_key: "basic_yearly",
  });
});
afterAll(() => fake.close());

async function customerOnClock(card: string) {
  const clock = await stripe.testHelpers.testClocks.create({ frozen_time: JAN_1 });
  const customer = await stripe.customers.create({ email: `${card}@example.com`, test_clock: clock.id });
  const pm = await stripe.paymentMethods.attach(card, { customer: customer.id });
  await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: pm.id } });
  return { clock, customer };
}

function eventsFor(type: string, id: string) {
  return fake.events().filter((e) => e.type === type && JSON.stringify(e.data.object).includes(id));
}

describe("subscription updates", () => {
  it("previews and applies a mid-period upgrade with prorations, charged at renewal", async () => {
    const { clock, customer } = await customerOnClock("pm_card_visa");
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: basic.id }] });
    expect(sub.status).toBe("active");
    expect(
      eventsFor("customer.subscription.created", sub.id).map(
        (e) => (e.data.object as Stripe.Subscription).status,
      ),
    ).toEqual(["active"]);
    expect([sub.items.data[0]?.current_period_start, sub.items.data[0]?.current_period_end]).toEqual([
      JAN_1,
      FEB_1,
    ]);
    await stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: JAN_1 + 15 * DAY });
    const itemId = sub.items.data[0]?.id ?? "";
    const preview = await stripe.invoices.createPreview({
      customer: customer.id,
      subscription: sub.id,
      subscription_details: {
        items: [{ id: itemId, price: pro.id }],
        proration_behavior: "create_prorations",
      },
    });
    // 16 of 31 days left: credit 1000·16/31, charge 3000·16/31, then the next month at 3000.
    expect(preview.lines.data.map((l) => l.amount)).toEqual([-516, 1548, 3000]);
    expect(preview.amount_due).toBe(4032);
    const updated = await stripe.subscriptions.update(sub.id, {
      items: [{ id: itemId, price: pro.id }],
      proration_behavior: "create_prorations",
    });
    expect(updated.items.data.map((i) => i.price.id)).toEqual([pro.id]);
    const [event] = eventsFor("customer.subscription.updated", sub.id).slice(-1);
    expect(event?.data.previous_attributes).toHaveProperty("items");
    await stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: FEB_1 + 3600 });
    const [renewal] = (await stripe.invoices.list({ subscription: sub.id, limit: 1 })).data;
    expect([renewal?.billing_reason, renewal?.status, renewal?.amount_paid]).toEqual([
      "subscription_cycle",
      "paid",
      4032,
    ]);
  });

  it("moving to a yearly price resets the billing cycle and invoices at once, credit included", async () => {
    const { clock, customer } = await customerOnClock("pm_card_visa");
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: basic.id }] });
    const jan16 = JAN_1 + 15 * DAY;
    await stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: jan16 });
    const items = [{ id: sub.items.data[0]?.id ?? "", price: yearly.id }];
    const preview = await stripe.invoices.createPreview({
      customer: customer.id,
      subscription: sub.id,
      subscription_details: { items },
    });
    expect([preview.lines.data.map((l) => l.amount), preview.amount_due]).toEqual([[-516, 10_000], 9484]);
    const updated = await stripe.subscriptions.update(sub.id, { items, expand: ["latest_invoice"] });
    const invoice = updated.latest_invoice as Stripe.Invoice;
    expect([invoice.billing_reason, invoice.status, invoice.amount_paid]).toEqual([
      "subscription_update",
      "paid",
      9484,
    ]);
    const item = updated.items.data[0];
    expect([item?.current_period_start, item?.current_period_end]).toEqual([jan16, jan16 + 365 * DAY]);
  });

  it("proration_behavior none changes the price without proration lines", async () => {
    const { clock, customer } = await customerOnClock("pm_card_visa");
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: basic.id }] });
    await stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: JAN_1 + 10 * DAY });
    await stripe.subscriptions.update(sub.id, {
      items: [{ id: sub.items.data[0]?.id ?? "", price: pro.id }],
      proration_behavior: "none",
    });
    await stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: FEB_1 + 60 });
    const [renewal] = (await stripe.invoices.list({ subscription: sub.id, limit: 1 })).data;
    expect(renewal?.lines.data.map((l) => l.amount)).toEqual([3000]);
  });

  it("cancel_at_period_end ends the subscription at the period end with customer.subscription.deleted", async () => {
    const { clock, customer } = await customerOnClock("pm_card_visa");
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: basic.id }] });
    const pending = await stripe.subscriptions.update(sub.id, { cancel_at_period_end: true });
    expect([pending.status, pending.cancel_at]).toEqual(["active", FEB_1]);
    await stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: FEB_1 + 60 });
    expect((await stripe.subscriptions.retrieve(sub.id)).status).toBe("canceled");
    expect(eventsFor("customer.subscription.deleted", sub.id)).toHaveLength(1);
    expect((await stripe.invoices.list({ subscription: sub.id })).data).toHaveLength(1);
  });
});

describe("subscription creation", () => {
  it("a declined first payment leaves it incomplete, or refuses it with error_if_incomplete", async () => {
    const { customer } = await customerOnClock("pm_card_chargeCustomerFail");
    const incomplete = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: basic.id }],
    });
    expect(incomplete.status).toBe("incomplete");
    const error = await stripe.subscriptions
      .create({
        customer: customer.id,
        items: [{ price: basic.id }],
        payment_behavior: "error_if_incomplete",
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeCardError);
    const listed = await stripe.subscriptions.list({ customer: customer.id, status: "all" });
    expect(listed.data.map((s) => s.id)).toEqual([incomplete.id]);
  });
});

describe("test clock renewals", () => {
  it("renews each period and charges the card", async () => {
    const { clock, customer } = await customerOnClock("pm_card_visa");
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: basic.id }] });
    const tooFar = await stripe.testHelpers.testClocks
      .advance(clock.id, { frozen_time: JAN_1 + 70 * DAY })
      .catch((e: unknown) => e);
    expect(tooFar).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    await stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: JAN_1 + 35 * DAY });
    const advanced = await stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: JAN_1 + 70 * DAY });
    expect(advanced.status).toBe("advancing");
    expect((await stripe.testHelpers.testClocks.retrieve(clock.id)).status).toBe("ready");
    const invoices = await stripe.invoices.list({ customer: customer.id });
    expect(invoices.data.map((i) => [i.billing_reason, i.status])).toEqual([
      ["subscription_cycle", "paid"],
      ["subscription_cycle", "paid"],
      ["subscription_create", "paid"],
    ]);
    const latest = invoices.data[0]?.id ?? "";
    expect((await stripe.invoices.retrieve(latest)).payments).toBeUndefined();
    const withPayments = await stripe.invoices.retrieve(latest, { expand: ["payments"] });
    const intentId = withPayments.payments?.data[0]?.payment.payment_intent as string;
    expect((await stripe.paymentIntents.retrieve(intentId)).status).toBe("succeeded");
    const current = await stripe.subscriptions.retrieve(sub.id);
    expect(current.items.data[0]?.current_period_start).toBe(Date.UTC(2026, 2, 1) / 1000);
  });

  it("a declined renewal sends invoice.payment_failed, makes the subscription past_due, and paying recovers it", async () => {
    const { clock, customer } = await customerOnClock("pm_card_visa");
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: basic.id }] });
    const failing = await stripe.paymentMethods.attach("pm_card_chargeCustomerFail", {
      customer: customer.id,
    });
    await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: failing.id } });
    await stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: FEB_1 + 3600 });
    const [invoice] = (await stripe.invoices.list({ subscription: sub.id, status: "open" })).data;
    expect([invoice?.attempt_count, invoice?.next_payment_attempt]).toEqual([1, FEB_1 + 3 * DAY]);
    expect(eventsFor("invoice.payment_failed", invoice?.id ?? "-")).toHaveLength(1);
    expect((await stripe.subscriptions.retrieve(sub.id)).status).toBe("past_due");
    const visa = await stripe.paymentMethods.attach("pm_card_visa", { customer: customer.id });
    const paid = await stripe.invoices.pay(invoice?.id ?? "", { payment_method: visa.id });
    expect(paid.status).toBe("paid");
    expect((await stripe.subscriptions.retrieve(sub.id)).status).toBe("active");
  });

  it("cancels the subscription after the last failed retry", async () => {
    const { clock, customer } = await customerOnClock("pm_card_visa");
    const sub = await stripe.subscriptions.create({ customer: customer.id, items: [{ price: basic.id }] });
    const failing = await stripe.paymentMethods.attach("pm_card_chargeCustomerFail", {
      customer: customer.id,
    });
    await stripe.customers.update(customer.id, { invoice_settings: { default_payment_method: failing.id } });
    await stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: FEB_1 + 20 * DAY });
    const [invoice] = (await stripe.invoices.list({ subscription: sub.id, limit: 1 })).data;
    expect([invoice?.attempt_count, invoice?.next_payment_attempt]).toEqual([4, null]);
    expect((await stripe.subscriptions.retrieve(sub.id)).status).toBe("canceled");
  });

  it("a trial warns three days ahead, then converts to active with a paid invoice", async () => {
    const { clock, customer } = await customerOnClock("pm_card_visa");
    const sub = await stripe.subscriptions.create({
      customer: customer.id,
      items: [{ price: pro.id }],
      trial_period_days: 14,
    });
    expect([sub.status, sub.trial_end]).toEqual(["trialing", JAN_1 + 14 * DAY]);
    await stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: JAN_1 + 12 * DAY });
    expect(eventsFor("customer.subscription.trial_will_end", sub.id)).toHaveLength(1);
    expect((await stripe.subscriptions.retrieve(sub.id)).status).toBe("trialing");
    await stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: JAN_1 + 15 * DAY });
    expect((await stripe.subscriptions.retrieve(sub.id)).status).toBe("active");
    const [invoice] = (await stripe.invoices.list({ subscription: sub.id, limit: 1 })).data;
    expect([invoice?.amount_paid, invoice?.status]).toEqual([3000, "paid"]);
  });
});

describe("after the last failed retry, with afterFinalFailure: unpaid", () => {
  it("leaves the subscription unpaid instead of canceling it", async () => {
    const other = await startStripeFake({ afterFinalFailure: "unpaid" });
    try {
      const api = other.stripe();
      const product = await api.products.create({ name: "Quarry" });
      const price = await api.prices.create({
        product: product.id,
        currency: "usd",
        unit_amount: 1000,
        recurring: { interval: "month" },
      });
      const clock = await api.testHelpers.testClocks.create({ frozen_time: JAN_1 });
      const customer = await api.customers.create({ test_clock: clock.id });
      const visa = await api.paymentMethods.attach("pm_card_visa", { customer: customer.id });
      const sub = await api.subscriptions.create({
        customer: customer.id,
        items: [{ price: price.id }],
        default_payment_method: visa.id,
      });
      const failing = await api.paymentMethods.attach("pm_card_chargeCustomerFail", {
        customer: customer.id,
      });
      await api.subscriptions.update(sub.id, { default_payment_method: failing.id });
      await api.testHelpers.testClocks.advance(clock.id, { frozen_time: FEB_1 + 20 * DAY });
      expect((await api.subscriptions.retrieve(sub.id)).status).toBe("unpaid");
    } finally {
      await other.close();
    }
  });
});
