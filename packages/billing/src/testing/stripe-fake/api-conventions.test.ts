/** Stripe's request conventions as the real SDK sees them: idempotency, lost responses, errors, auth, lists. */
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type StripeFake, startStripeFake } from "./index.ts";

let fake: StripeFake;
let stripe: Stripe;

beforeAll(async () => {
  fake = await startStripeFake();
  stripe = fake.stripe();
});
afterAll(() => fake.close());

describe("idempotency keys", () => {
  it("replays the stored response for the same key and parameters, and creates nothing twice", async () => {
    const first = await stripe.customers.create(
      { email: "ada@example.com" },
      { idempotencyKey: "key-replay" },
    );
    const second = await stripe.customers.create(
      { email: "ada@example.com" },
      { idempotencyKey: "key-replay" },
    );
    expect(second.id).toBe(first.id);
    expect(second.lastResponse.headers["idempotent-replayed"]).toBe("true");
    expect(first.lastResponse.headers["idempotent-replayed"]).toBeUndefined();
    expect(fake.customers().filter((c) => c.email === "ada@example.com")).toHaveLength(1);
  });

  it("rejects the same key with different parameters as an idempotency_error", async () => {
    await stripe.customers.create({ email: "grace@example.com" }, { idempotencyKey: "key-mismatch" });
    const error = await stripe.customers
      .create({ email: "someone-else@example.com" }, { idempotencyKey: "key-mismatch" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect((error as Stripe.errors.StripeError).statusCode).toBe(400);
    expect(fake.customers().some((c) => c.email === "someone-else@example.com")).toBe(false);
  });

  it("scopes keys per API key", async () => {
    const other = fake.stripe("sk_test_another_account");
    const a = await stripe.products.create({ name: "A" }, { idempotencyKey: "key-scoped" });
    const b = await other.products.create({ name: "B" }, { idempotencyKey: "key-scoped" });
    expect(b.id).not.toBe(a.id);
    expect(b.name).toBe("B");
  });

  it("a response lost after Stripe committed: the SDK's retry with its key gets the stored result", async () => {
    const retrying = fake.stripe(undefined, { maxNetworkRetries: 2 });
    fake.dropNextResponse("/v1/customers", "POST");
    const customer = await retrying.customers.create({ email: "lost@example.com" });
    expect(
      fake
        .customers()
        .filter((c) => c.email === "lost@example.com")
        .map((c) => c.id),
    ).toEqual([customer.id]);
    const posts = fake
      .requestLog()
      .filter((r) => r.method === "POST" && r.params.email === "lost@example.com");
    expect(posts.map((r) => [r.dropped, r.replayed])).toEqual([
      [true, false],
      [false, true],
    ]);
    expect(posts[1]?.idempotencyKey).toBe(posts[0]?.idempotencyKey);
  });
});

describe("errors", () => {
  it("an unknown id is a 404 resource_missing StripeInvalidRequestError", async () => {
    const error = (await stripe.customers
      .retrieve("cus_missing")
      .catch((e: unknown) => e)) as Stripe.errors.StripeError;
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect([error.statusCode, error.code, error.param, (error.raw as { message: string }).message]).toEqual([
      404,
      "resource_missing",
      "id",
      "No such customer: 'cus_missing'",
    ]);
  });

  it("a missing parameter is a 400 parameter_missing naming the parameter", async () => {
    const error = (await stripe.prices
      .create({ currency: "usd", unit_amount: 100 } as Stripe.PriceCreateParams)
      .catch((e: unknown) => e)) as Stripe.errors.StripeError;
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect([error.statusCode, error.code, error.param]).toEqual([400, "parameter_missing", "product"]);
  });

  it("a declined card is a 402 StripeCardError with decline_code and the failed PaymentIntent", async () => {
    const customer = await stripe.customers.create({});
    const error = (await stripe.paymentIntents
      .create({
        amount: 2000,
        currency: "usd",
        customer: customer.id,
        payment_method: "pm_card_chargeDeclined",
        confirm: true,
        off_session: true,
      })
      .catch((e: unknown) => e)) as Stripe.errors.StripeCardError;
    expect(error).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect([error.statusCode, error.code, error.decline_code]).toEqual([
      402,
      "card_declined",
      "generic_decline",
    ]);
    expect(error.payment_intent?.status).toBe("requires_payment_method");
    expect(fake.events().map((e) => e.type)).toContain("payment_intent.payment_failed");
  });

  it("a card needing 3D Secure: requires_action on session, authentication_required off session", async () => {
    const onSession = await stripe.paymentIntents.create({
      amount: 2000,
      currency: "usd",
      payment_method: "pm_card_authenticationRequired",
      confirm: true,
    });
    expect(onSession.status).toBe("requires_action");
    const error = (await stripe.paymentIntents
      .create({
        amount: 2000,
        currency: "usd",
        payment_method: "pm_card_authenticationRequired",
        confirm: true,
        off_session: true,
      })
      .catch((e: unknown) => e)) as Stripe.errors.StripeCardError;
    expect(error).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(error.code).toBe("authentication_required");
  });

  it("a key that is not a test secret key is a 401", async () => {
    const error = await fake
      .stripe("pk_test_publishable")
      .customers.list()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
  });

  it("failNext injects one error without effects", async () => {
    fake.failNext("/v1/products", {
      method: "POST",
      status: 400,
      error: { type: "invalid_request_error", message: "nope" },
    });
    const error = await stripe.products.create({ name: "Never" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    const ok = await stripe.products.create({ name: "Afterwards" });
    expect(ok.name).toBe("Afterwards");
  });
});

describe("lists", () => {
  it("pages newest first with limit, has_more and starting_after, and auto-pagination sees each object once", async () => {
    const clock = await stripe.testHelpers.testClocks.create({ frozen_time: 1_767_225_600 });
    const created: string[] = [];
    for (let i = 0; i < 23; i++) {
      created.push(
        (await stripe.customers.create({ email: `page${i}@example.com`, test_clock: clock.id })).id,
      );
    }
    const first = await stripe.customers.list({ limit: 10 });
    expect(first.object).toBe("list");
    expect(first.url).toBe("/v1/customers");
    expect(first.has_more).toBe(true);
    expect(first.data.map((c) => c.id)).toEqual(created.slice(-10).reverse());
    const second = await stripe.customers.list({ limit: 10, starting_after: first.data[9]?.id });
    expect(second.data[0]?.id).toBe(created[12]);
    const all = await stripe.customers.list({ limit: 7 }).autoPagingToArray({ limit: 1000 });
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
    expect(all.map((c) => c.id)).toEqual(expect.arrayContaining(created));
  });

  it("prices filter by lookup_keys, and transfer_lookup_key moves a key", async () => {
    const product = await stripe.products.create({ name: "Pro" });
    const old = await stripe.prices.create({
      product: product.id,
      currency: "usd",
      unit_amount: 1000,
      recurring: { interval: "month" },
      lookup_key: "pro_monthly_test",
    });
    const clash = await stripe.prices
      .create({ product: product.id, currency: "usd", unit_amount: 1200, lookup_key: "pro_monthly_test" })
      .catch((e: unknown) => e);
    expect(clash).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    const moved = await stripe.prices.create({
      product: product.id,
      currency: "usd",
      unit_amount: 1200,
      recurring: { interval: "month" },
      lookup_key: "pro_monthly_test",
      transfer_lookup_key: true,
    });
    const found = await stripe.prices.list({ lookup_keys: ["pro_monthly_test"], expand: ["data.product"] });
    expect(found.data.map((p) => p.id)).toEqual([moved.id]);
    expect((found.data[0]?.product as Stripe.Product | undefined)?.name).toBe("Pro");
    expect((await stripe.prices.retrieve(old.id)).lookup_key).toBeNull();
  });
});
