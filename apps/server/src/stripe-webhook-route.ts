import { inboxWriter } from "@quarry/billing/services/inbox-writer";
import { verifyStripeWebhook, WebhookRefused } from "@quarry/billing/services/verify-webhook";
import type { Clock } from "@quarry/core/clock";
import type { StripeSettings } from "@quarry/core/outbound";
import type { Database } from "@quarry/db/client";
import type { FastifyInstance } from "fastify";

export interface StripeWebhookDeps {
  db: Database;
  clock: Clock;
  stripe: StripeSettings | null | undefined;
}

/**
 * POST /webhooks/stripe: Stripe's event deliveries. The body is kept as the raw bytes (the
 * signature covers them exactly), verified (docs/billing.md), stored in the stripe_events inbox
 * with its processing job (grouped with concurrent deliveries: inbox-writer.ts), and answered 200
 * once that has committed; the worker applies it. A refused delivery
 * is answered 400 with a short reason and writes nothing; without STRIPE_WEBHOOK_SECRET, 503.
 */
export function registerStripeWebhook(app: FastifyInstance, deps: StripeWebhookDeps): void {
  const inbox = inboxWriter(deps.db);
  app.register(async (scope) => {
    // Only in this scope: every body arrives as a Buffer, whatever its content type.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", { parseAs: "buffer" }, (_request, body, done) => done(null, body));

    scope.post("/webhooks/stripe", async (request, reply) => {
      const secret = deps.stripe?.webhookSecret;
      if (!secret) return reply.code(503).send({ error: "Stripe webhooks are not configured." });
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const header = request.headers["stripe-signature"];
      try {
        const event = verifyStripeWebhook({
          raw,
          header: typeof header === "string" ? header : undefined,
          secret,
          now: deps.clock.now(),
        });
        const { stored } = await inbox.receive(event);
        return reply.send({ received: true, duplicate: !stored });
      } catch (err) {
        if (!(err instanceof WebhookRefused)) throw err;
        request.log.warn({ reason: err.message }, "stripe webhook refused");
        return reply.code(400).send({ error: err.message });
      }
    });
  });
}
