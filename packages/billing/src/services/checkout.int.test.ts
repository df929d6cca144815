import { silentLogger } from "@quarry/core/logger";
import type { Outbound } from "@quarry/core/outbound";
import { testOutbound } from "@quarry/core/testing/test-outbound";
import { getBalance } from "@quarry/credits/services/get-balance";
import { ledgerCtx } from "@quarry/credits/testing/fixtures";
import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { insertTestUser } from "@quarry/trpc/testing/test-users";
import type Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { plans, TRIAL_CREDITS } from "../plans.ts";
import { findBillingState } from "../queries/billing-state.queries.ts";
import { testCaller } from "../testing/caller.ts";
import { stripeEvent, verified } from "../testing/events.ts";
import { type StripeFake, startStripeFake, startWebhookReceiver } from "../testing/stripe-fake.ts";
import { processStripeEvent } from "./process-stripe-event.ts";
import { receiveStripeEvent } from "./receive-stripe-event.ts";
import { syncPlans } from "./sync-plans.ts";

const secret = "whsec_checkout_int";
let t: TestDatabase;
let fake: StripeFake;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let stripe: Stripe;
let outbound: Outbound;

beforeAll(async () => {
  t = await createTestDatabase();
  receiver = await startWebhookReceiver();
  fake = await startStripeFake({ webhookUrl: receiver.url, webhookSecret: secret });
  stripe = fake.stripe();
  outbound = {
    ...testOutbound,
    stripe: {
      secretKey: fake.apiKey,
      webhookSecret: secret,
      apiBase: { host: fake.host, port: fake.port, protocol: fake.protocol },
    },
  };
  await syncPlans(stripe);
});
afterAll(async () => {
  await fake.close();
  await receiver.close();
  await t.drop();
});
beforeEach(async () => {
  await fake.deliveriesSettled();
  receiver.received.length = 0;
});

async function newWorkspace(configured = true) {
  const owner = await insertTestUser(t.db);
  const caller = testCaller(t.db, { ...owner, outbound: configured ? outbound : testOutbound });
  const workspace = await caller.workspaces.create({ name: "Checkout Co" });
  return { caller, workspaceId: workspace.id };
}

/** The hosted page's Pay button, as the browser submits it. */
async function pay(url: string): Promise<string> {
  const res = await fetch(url, {
    method: "POST",
    body: new URLSearchParams({ card: "visa", email: "owner@example.com" }),
    redirect: "manual",
  });
  expect(res.status).toBe(303);
  return res.headers.get("location") ?? "";
}

/** What the webhook route and the worker do with each delivered event, in delivery order. */
async function applyDelivered(only?: (type: string) => boolean): Promise<void> {
  await fake.deliveriesSettled();
  for (const r of receiver.received) {
    const event = stripe.webhooks.constructEvent(r.body, r.signature, secret);
    if (only && !only(event.type)) continue;
    await receiveStripeEvent(t.db, verified(event as unknown as Record<string, unknown>));
    await processStripeEvent(
      { db: t.db, clock: { now: () => new Date() }, log: silentLogger, stripe },
      event.id,
    );
  }
}

describe("billing.checkout.create", () => {
  it("opens Checkout for the plan's price with the workspace named everywhere, then Pay makes the workspace Starter with its credits", async () => {
    const { caller, workspaceId } = await newWorkspace();
    expect((await caller.billing.get({ workspaceId })).account?.hasPaymentAccount).toBe(false);
    const { url } = await caller.billing.checkout.create({ workspaceId, plan: "starter" });
    expect((await caller.billing.get({ workspaceId })).account?.hasPaymentAccount).toBe(true);
    expect(url.startsWith(fake.url)).toBe(true);
    const sessionId = new URL(url).pathname.split("/").pop() ?? "";
    const session = await stripe.checkout.sessions.retrieve(sessionId, { expand: ["line_items"] });
    expect(session).toMatchObject({
      mode: "subscription",
      client_reference_id: workspaceId,
      success_url: `http://localhost:3000/w/${workspaceId}/settings/billing?checkout=success&session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: `http://localhost:3000/w/${workspaceId}/settings/billing?checkout=canceled`,
    });
    expect(session.line_items?.data[0]?.price?.lookup_key).toBe("quarry_starter_monthly");
    const customer = (await stripe.customers.retrieve(String(session.customer))) as Stripe.Customer;
    expect(customer.metadata).toEqual({ workspace_id: workspaceId });

    // A second click reuses the customer.
    const again = await caller.billing.checkout.create({ workspaceId, plan: "pro" });
    const second = await stripe.checkout.sessions.retrieve(
      new URL(again.url).pathname.split("/").pop() ?? "",
    );
    expect(second.customer).toBe(customer.id);
    expect(fake.customers().filter((c) => c.metadata?.workspace_id === workspaceId)).toHaveLength(1);

    const back = await pay(url);
    expect(back).toBe(
      `http://localhost:3000/w/${workspaceId}/settings/billing?checkout=success&session_id=${sessionId}`,
    );
    await applyDelivered();
    const billing = await caller.billing.get({ workspaceId });
    expect(billing.plan.name).toBe("Starter");
    expect(billing.account).toMatchObject({
      status: "active",
      trialDaysLeft: null,
      renewsAt: expect.any(Date),
    });
    expect((await getBalance(ledgerCtx(t.db, workspaceId))).available).toBe(
      TRIAL_CREDITS + plans.starter.monthlyCredits,
    );
    // Subscribed: plan changes go through the portal (for now), not a second subscription.
    await expect(caller.billing.checkout.create({ workspaceId, plan: "pro" })).rejects.toThrow(
      /already has a subscription/,
    );
  });

  it("checkout.session.completed alone sets the plan, from the subscription re-fetched from Stripe", async () => {
    const { caller, workspaceId } = await newWorkspace();
    const { url } = await caller.billing.checkout.create({ workspaceId, plan: "pro" });
    await pay(url);
    await applyDelivered((type) => type === "checkout.session.completed");
    const state = await findBillingState(t.db, workspaceId);
    expect(state).toMatchObject({
      plan: "pro",
      status: "active",
      stripe_subscription_id: expect.any(String),
    });
    const history = await t.db
      .selectFrom("billing_history")
      .select("kind")
      .where("workspace_id", "=", workspaceId)
      .execute();
    expect(history.map((h) => h.kind)).toContain("checkout_completed");
  });

  it("says billing is not configured when Stripe is not set up, and creates nothing", async () => {
    const { caller, workspaceId } = await newWorkspace(false);
    const before = fake.customers().length;
    await expect(caller.billing.checkout.create({ workspaceId, plan: "starter" })).rejects.toThrow(
      /Billing is not configured/,
    );
    await expect(caller.billing.portal.create({ workspaceId })).rejects.toThrow(/Billing is not configured/);
    expect(fake.customers()).toHaveLength(before);
  });
});

describe("invoice.paid naming no plan", () => {
  it("grants the plan of the subscription re-fetched from Stripe; without a Stripe client it waits (retries)", async () => {
    const { caller, workspaceId } = await newWorkspace();
    await caller.billing.checkout.create({ workspaceId, plan: "pro" });
    const customer = (await findBillingState(t.db, workspaceId))?.stripe_customer_id ?? "";
    const [price] = (await stripe.prices.list({ lookup_keys: ["quarry_pro_monthly"] })).data;
    const sub = await stripe.subscriptions.create({
      customer,
      items: [{ price: price?.id ?? "" }],
      default_payment_method: (await stripe.paymentMethods.attach("pm_card_visa", { customer })).id,
    });
    // The invoice as an older API version might send it: no metadata, no lines, only the subscription.
    const invoice = {
      id: `in_bare_${sub.id}`,
      object: "invoice",
      customer,
      amount_paid: 14_900,
      subscription: sub.id,
    };
    const event = stripeEvent({ type: "invoice.paid", object: invoice });
    await receiveStripeEvent(t.db, verified(event));
    const ctx = { db: t.db, clock: { now: () => new Date() }, log: silentLogger };
    await expect(processStripeEvent(ctx, String(event.id))).rejects.toThrow(/no plan known yet/);
    await processStripeEvent({ ...ctx, stripe }, String(event.id));
    expect((await getBalance(ledgerCtx(t.db, workspaceId))).available).toBe(
      TRIAL_CREDITS + plans.pro.monthlyCredits,
    );
  });
});

describe("billing.portal.create", () => {
  it("needs a billing account first, then opens the portal returning to the billing page", async () => {
    const { caller, workspaceId } = await newWorkspace();
    await expect(caller.billing.portal.create({ workspaceId })).rejects.toThrow(/choose a plan first/);
    await caller.billing.checkout.create({ workspaceId, plan: "starter" });
    const { url } = await caller.billing.portal.create({ workspaceId });
    expect(url.startsWith(fake.url)).toBe(true);
    expect(await (await fetch(url)).text()).toContain(
      `http://localhost:3000/w/${workspaceId}/settings/billing`,
    );
  });
});

describe("syncPlans", () => {
  it("is idempotent, and replaces a price whose amount no longer matches the plan", async () => {
    const second = await syncPlans(stripe);
    expect(second.map((p) => p.action)).toEqual(["unchanged", "unchanged", "unchanged"]);
    const prices = await stripe.prices.list({ limit: 100 });
    expect(prices.data.filter((p) => p.lookup_key === "quarry_pro_monthly")).toHaveLength(1);
    const products = await stripe.products.list({ limit: 100 });
    expect(products.data.map((p) => p.id).sort()).toEqual([
      "quarry_enterprise",
      "quarry_pro",
      "quarry_starter",
    ]);

    const stale = second.find((p) => p.plan === "pro")?.price ?? "";
    const wrong = await stripe.prices.create({
      product: "quarry_pro",
      currency: "usd",
      unit_amount: 100,
      recurring: { interval: "month" },
      lookup_key: "quarry_pro_monthly",
      transfer_lookup_key: true,
    });
    const third = await syncPlans(stripe);
    expect(third.find((p) => p.plan === "pro")).toMatchObject({ action: "replaced" });
    expect((await stripe.prices.retrieve(wrong.id)).active).toBe(false);
    const [current] = (await stripe.prices.list({ lookup_keys: ["quarry_pro_monthly"] })).data;
    expect(current?.unit_amount).toBe(plans.pro.monthlyPriceCents);
    expect(current?.id).not.toBe(stale);
  });
});
