/**
 * A local Stripe for tests: the real `stripe` SDK talks to it over HTTP (`stripe()` returns a configured client).
 * See README.md for the endpoints and events covered.
 */
import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import type { Fake } from "./context.ts";
import { FakeStripeError, type StripeErrorBody } from "./errors.ts";
import { EventBus } from "./events.ts";
import { catalogRoutes } from "./routes/catalog.ts";
import { checkoutRoutes } from "./routes/checkout.ts";
import { customerRoutes } from "./routes/customers.ts";
import { eventRoutes } from "./routes/events.ts";
import { invoiceRoutes } from "./routes/invoices.ts";
import { paymentRoutes } from "./routes/payments.ts";
import { subscriptionRoutes } from "./routes/subscriptions.ts";
import { publicView } from "./serialize.ts";
import { ApiServer, type PathMatcher } from "./server.ts";
import { type FakeClock, Store } from "./store.ts";
import type { Charge, Customer, Subscription } from "./types.ts";

export type { DeliveryAttempt, StripeEvent } from "./events.ts";
export type { LoggedRequest } from "./server.ts";

export interface StripeFakeOptions {
  /** Every event is POSTed here, signed with `webhookSecret`. */
  webhookUrl?: string;
  webhookSecret?: string;
  /** Time for objects of customers without a test clock (default: the system clock). */
  clock?: FakeClock;
  /** Delays before each webhook retry when the receiver does not answer 2xx (default [50, 200, 1000]). */
  webhookRetryDelaysMs?: number[];
  /** What a subscription becomes after its last failed payment retry (default "canceled", Stripe's default). */
  afterFinalFailure?: Fake["afterFinalFailure"];
  port?: number;
}

export const DEFAULT_API_KEY = "sk_test_fake_quarry";
export const DEFAULT_WEBHOOK_SECRET = "whsec_fake_quarry";

export async function startStripeFake(options: StripeFakeOptions = {}) {
  let base = "";
  const store = new Store(options.clock ?? { now: () => new Date() }, () => base);
  const webhookSecret = options.webhookSecret ?? DEFAULT_WEBHOOK_SECRET;
  const bus = new EventBus(store, {
    ...(options.webhookUrl ? { webhookUrl: options.webhookUrl } : {}),
    webhookSecret,
    retryDelaysMs: options.webhookRetryDelaysMs ?? [50, 200, 1000],
  });
  const fx: Fake = { store, bus, afterFinalFailure: options.afterFinalFailure ?? "canceled" };
  const api = new ApiServer(fx, [
    ...catalogRoutes,
    ...customerRoutes,
    ...checkoutRoutes,
    ...subscriptionRoutes,
    ...invoiceRoutes,
    ...paymentRoutes,
    ...eventRoutes,
  ]);
  const server = createServer((req, res) => {
    api.handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { type: "api_error", message: String(error) } }));
    });
  });
  server.listen(options.port ?? 0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  const host = "127.0.0.1";
  base = `http://${host}:${port}`;

  return {
    url: base,
    host,
    port,
    protocol: "http" as const,
    webhookSecret,
    apiKey: DEFAULT_API_KEY,
    /** A real SDK client pointed at the fake. */
    stripe(apiKey = DEFAULT_API_KEY, config: Stripe.StripeConfig = {}): Stripe {
      return new Stripe(apiKey, { host, port, protocol: "http", telemetry: false, ...config });
    },
    /** Every event so far, oldest first, typed as the SDK types them. */
    events: () => bus.events() as unknown as Stripe.Event[],
    deliveries: () => bus.deliveries(),
    pauseDeliveries: () => bus.pause(),
    deliverPending: (opts?: { shuffle?: boolean; duplicates?: boolean }) => bus.deliverPending(opts),
    /** Resolves when every webhook delivery scheduled so far (with retries) has finished. */
    deliveriesSettled: () => bus.idle(),
    /** The next matching request commits its effects, then its connection is closed without a response. */
    dropNextResponse(path: PathMatcher, method?: string) {
      api.drops.push({ path, ...(method ? { method } : {}) });
    },
    /** The next matching request fails with this error and has no effect (default: a 500 api_error). */
    failNext(
      path: PathMatcher,
      fault: { method?: string; status?: number; error?: Partial<StripeErrorBody> } = {},
    ) {
      const status = fault.status ?? 500;
      const body: StripeErrorBody = {
        type: "api_error",
        message: "An unknown error occurred (injected).",
        ...fault.error,
      };
      api.faults.push({
        path,
        status,
        error: new FakeStripeError(status, body),
        ...(fault.method ? { method: fault.method } : {}),
      });
    },
    /** Stripe's test-mode dispute (as card 4000000000000259 would open): emits charge.dispute.created. */
    openDispute(chargeId: string, reason = "fraudulent") {
      const charge = store.get<Charge>(chargeId, "charge");
      const dispute = store.put({
        id: store.newId("dp"),
        object: "dispute",
        amount: charge.amount,
        balance_transactions: [],
        charge: charge.id,
        created: store.now(charge.customer),
        currency: charge.currency,
        evidence_details: {
          due_by: store.now(charge.customer) + 7 * 86_400,
          has_evidence: false,
          past_due: false,
          submission_count: 0,
        },
        is_charge_refundable: false,
        livemode: false,
        metadata: {},
        payment_intent: charge.payment_intent,
        reason,
        status: "needs_response",
      });
      charge.disputed = true;
      bus.emit("charge.dispute.created", dispute);
      return publicView(dispute);
    },
    customers: () => store.all<Customer>("customer").map((c) => publicView(c)),
    subscriptions: () => store.all<Subscription>("subscription").map((s) => publicView(s)),
    requestLog: () => [...api.log],
    async close() {
      await bus.idle();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
    },
  };
}

export type StripeFake = Awaited<ReturnType<typeof startStripeFake>>;
