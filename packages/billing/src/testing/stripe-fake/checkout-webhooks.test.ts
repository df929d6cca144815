/** The hosted Checkout page completes a session and the fake delivers signed webhooks the SDK verifies. */
import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type StripeFake, startStripeFake } from "./index.ts";
import { startWebhookReceiver } from "./webhook-receiver.ts";

let fake: StripeFake;
let stripe: Stripe;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let priceId: string;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  fake = await startStripeFake({
    webhookUrl: receiver.url,
    webhookSecret: "whsec_test_checkout",
    webhookRetryDelaysMs: [5, 5],
  });
  stripe = fake.stripe();
  const product = await stripe.products.create({ name: "Quarry Pro" });
  priceId = (
    await stripe.prices.create({
      product: product.id,
      currency: "usd",
      unit_amount: 4900,
      recurring: { interval: "month" },
      lookup_key: "pro_monthly",
    })
  ).id;
});
afterAll(async () => {
  await fake.close();
  await receiver.close();
});
beforeEach(async () => {
  await fake.deliveriesSettled();
  receiver.received.length = 0;
});

async function openSession(mode: "subscription" | "payment") {
  return stripe.checkout.sessions.create({
    mode,
    line_items: [{ price: priceId, quantity: 1 }],
    success_url: "https://app.example/billing?session={CHECKOUT_SESSION_ID}",
    cancel_url: "https://app.example/billing",
    client_reference_id: "workspace-1",
    metadata: { workspace_id: "workspace-1" },
    ...(mode === "subscription" ? { subscription_data: { metadata: { workspace_id: "workspace-1" } } } : {}),
  });
}

async function submit(url: string, card: string) {
  return fetch(url, {
    method: "POST",
    body: new URLSearchParams({ card, email: "owner@example.com" }),
    redirect: "manual",
  });
}

describe("hosted checkout", () => {
  it("Pay completes a subscription session and sends a signed checkout.session.completed", async () => {
    const session = await openSession("subscription");
    const pageHtml = await (await fetch(session.url ?? "")).text();
    expect(pageHtml).toContain('<button type="submit">Pay</button>');
    const res = await submit(session.url ?? "", "visa");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`https://app.example/billing?session=${session.id}`);
    await fake.deliveriesSettled();
    const delivered = receiver.received.map((r) =>
      stripe.webhooks.constructEvent(r.body, r.signature, "whsec_test_checkout"),
    );
    const completed = delivered.find((e) => e.type === "checkout.session.completed");
    const object = completed?.data.object as Stripe.Checkout.Session;
    expect(object.id).toBe(session.id);
    expect([object.status, object.payment_status, object.client_reference_id]).toEqual([
      "complete",
      "paid",
      "workspace-1",
    ]);
    const sub = await stripe.subscriptions.retrieve(object.subscription as string, {
      expand: ["latest_invoice"],
    });
    expect([sub.status, sub.metadata.workspace_id, sub.items.data[0]?.price.id]).toEqual([
      "active",
      "workspace-1",
      priceId,
    ]);
    expect((sub.latest_invoice as Stripe.Invoice).amount_paid).toBe(4900);
    expect(delivered.map((e) => e.type)).toEqual(
      expect.arrayContaining([
        "customer.subscription.created",
        "invoice.paid",
        "payment_intent.succeeded",
        "charge.succeeded",
      ]),
    );
    const invoicePage = await fetch((sub.latest_invoice as Stripe.Invoice).hosted_invoice_url ?? "");
    expect(await invoicePage.text()).toContain("Status: paid");
    const pdf = await fetch((sub.latest_invoice as Stripe.Invoice).invoice_pdf ?? "");
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const portal = await stripe.billingPortal.sessions.create({
      customer: object.customer as string,
      return_url: "https://app.example/billing",
    });
    expect(portal.id).toMatch(/^bps_/);
    expect(await (await fetch(portal.url)).text()).toContain("pro_monthly: active");
    const withItems = await stripe.checkout.sessions.retrieve(session.id, { expand: ["line_items"] });
    expect(withItems.line_items?.data.map((li) => [li.price?.id, li.quantity, li.amount_total])).toEqual([
      [priceId, 1, 4900],
    ]);
  });

  it("a tampered payload fails signature verification", async () => {
    await stripe.customers.create({ email: "tamper@example.com" });
    await fake.deliveriesSettled();
    const [first] = receiver.received;
    expect(() =>
      stripe.webhooks.constructEvent(`${first?.body} `, first?.signature ?? "", "whsec_test_checkout"),
    ).toThrow(Stripe.errors.StripeSignatureVerificationError);
  });

  it("a declined card shows the decline on the page and completes nothing", async () => {
    const session = await openSession("subscription");
    const res = await submit(session.url ?? "", "chargeDeclined");
    expect(res.status).toBe(402);
    expect(await res.text()).toContain('<p role="alert">Your card was declined.</p>');
    expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe("open");
  });

  it("a trial session shows 0 due, and completes with a trialing subscription and no payment", async () => {
    const session = await stripe.checkout.sessions.create({
      mode: "subscription",
      line_items: [{ price: priceId, quantity: 1 }],
      success_url: "https://app.example/billing",
      subscription_data: { trial_period_days: 14 },
    });
    expect(session.amount_total).toBe(0);
    expect(await (await fetch(session.url ?? "")).text()).toContain("<h1>Pay USD 0.00</h1>");
    await submit(session.url ?? "", "visa");
    const done = await stripe.checkout.sessions.retrieve(session.id, { expand: ["subscription", "invoice"] });
    expect([done.payment_status, (done.subscription as Stripe.Subscription).status]).toEqual([
      "no_payment_required",
      "trialing",
    ]);
    const customer = await stripe.customers.retrieve(done.customer as string);
    expect((done.invoice as Stripe.Invoice).number).toBe(
      `${(customer as Stripe.Customer).invoice_prefix}-0001`,
    );
  });

  it("a payment session creates a succeeded PaymentIntent carrying the charge", async () => {
    const session = await openSession("payment");
    await submit(session.url ?? "", "visa");
    const done = await stripe.checkout.sessions.retrieve(session.id, {
      expand: ["payment_intent.latest_charge"],
    });
    const intent = done.payment_intent as Stripe.PaymentIntent;
    expect([intent.status, (intent.latest_charge as Stripe.Charge).amount]).toEqual(["succeeded", 4900]);
  });
});

describe("webhook delivery", () => {
  it("retries a delivery the receiver did not answer with 2xx", async () => {
    receiver.failNext(1);
    const customer = await stripe.customers.create({ email: "retry@example.com" });
    await fake.deliveriesSettled();
    const attempts = receiver.received.filter((r) => r.body.includes(customer.id));
    expect(attempts.map((r) => r.status)).toEqual([500, 200]);
    const event = (await stripe.events.list({ type: "customer.created", limit: 1 })).data[0];
    expect([
      event?.data.object && (event.data.object as Stripe.Customer).id,
      event?.pending_webhooks,
    ]).toEqual([customer.id, 0]);
  });

  it("holds deliveries while paused, then sends them shuffled and duplicated on request", async () => {
    fake.pauseDeliveries();
    const a = await stripe.customers.create({ email: "held-a@example.com" });
    const b = await stripe.customers.create({ email: "held-b@example.com" });
    expect(receiver.received).toHaveLength(0);
    await fake.deliverPending({ shuffle: true, duplicates: true });
    const ids = receiver.received
      .map((r) => (JSON.parse(r.body) as Stripe.Event).data.object as { id: string })
      .map((o) => o.id);
    expect(ids.sort()).toEqual([a.id, a.id, b.id, b.id].sort());
  });

  it("events carry Stripe's shape and the request that caused them", async () => {
    const customer = await stripe.customers.create(
      { email: "shape@example.com" },
      { idempotencyKey: "shape-key" },
    );
    const [event] = (await stripe.events.list({ type: "customer.created", limit: 1 })).data;
    expect(event).toMatchObject({
      object: "event",
      livemode: false,
      api_version: "2026-11-18.endive",
      request: { idempotency_key: "shape-key" },
      data: { object: { id: customer.id, object: "customer" } },
    });
    expect(event?.id).toMatch(/^evt_/);
    const created = event?.created ?? 0;
    const since = await stripe.events.list({
      type: "customer.created",
      created: { gte: created },
      limit: 100,
    });
    expect(since.data.map((e) => e.id)).toContain(event?.id);
    expect(since.data.every((e) => e.created >= created && e.type === "customer.created")).toBe(true);
    expect((await stripe.events.list({ created: { gte: created + 3600 } })).data).toEqual([]);
    expect((await stripe.events.retrieve(event?.id ?? "")).type).toBe("customer.created");
    expect(event?.request?.id).toBe(customer.lastResponse.requestId);
  });
});
