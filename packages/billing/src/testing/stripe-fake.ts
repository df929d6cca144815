/** `@quarry/billing/testing/stripe-fake`: the local Stripe for tests (see ./stripe-fake/README.md). */

export type { DeliveryAttempt, LoggedRequest, StripeEvent } from "./stripe-fake/index.ts";
export {
  DEFAULT_API_KEY,
  DEFAULT_WEBHOOK_SECRET,
  type StripeFake,
  type StripeFakeOptions,
  startStripeFake,
} from "./stripe-fake/index.ts";
export { type ReceivedWebhook, startWebhookReceiver } from "./stripe-fake/webhook-receiver.ts";
