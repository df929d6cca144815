import Stripe from "stripe";

/** How old a signed delivery may be (Stripe's recommended default). */
export const WEBHOOK_TOLERANCE_S = 300;
/** How far in the future a signature's timestamp may be (clock skew between Stripe and us). */
export const WEBHOOK_FUTURE_SKEW_S = 30;

/** A delivery refused before anything is stored; `message` is safe to answer with. */
export class WebhookRefused extends Error {}

export interface VerifiedEvent {
  id: string;
  type: string;
  /** Stripe's created time of the event. */
  created: Date;
  payload: Record<string, unknown>;
}

/**
 * Checks a Stripe webhook delivery: the Stripe-Signature header against the raw body with the
 * SDK (any one v1 signature may match; older than 5 minutes is refused), and, since the SDK checks
 * only age, a timestamp more than WEBHOOK_FUTURE_SKEW_S ahead of `now` is refused too.
 */
export function verifyStripeWebhook(input: {
  raw: Buffer;
  header: string | undefined;
  secret: string;
  now: Date;
}): VerifiedEvent {
  const { header } = input;
  if (!header) throw new WebhookRefused("Missing Stripe-Signature header.");
  const t = signatureTimestamp(header);
  if (t === null) throw new WebhookRefused("Stripe-Signature has no timestamp.");
  if (t - Math.floor(input.now.getTime() / 1000) > WEBHOOK_FUTURE_SKEW_S) {
    throw new WebhookRefused("Stripe-Signature timestamp is in the future.");
  }
  let event: Stripe.Event;
  try {
    event = Stripe.webhooks.constructEvent(
      input.raw,
      header,
      input.secret,
      WEBHOOK_TOLERANCE_S,
      undefined,
      input.now.getTime(),
    );
  } catch (err) {
    if (err instanceof Stripe.errors.StripeSignatureVerificationError) {
      throw new WebhookRefused(
        /tolerance/i.test(err.message)
          ? "Stripe-Signature timestamp is too old."
          : "Signature does not match.",
      );
    }
    throw new WebhookRefused("Body is not a JSON event.");
  }
  const e = event as unknown as Record<string, unknown>;
  if (typeof e.id !== "string" || !e.id || typeof e.type !== "string" || typeof e.created !== "number") {
    throw new WebhookRefused("Body is not a Stripe event.");
  }
  return { id: e.id, type: e.type, created: new Date(e.created * 1000), payload: e };
}

/** The t= of a Stripe-Signature header, in seconds; null when absent or not a number. */
export function signatureTimestamp(header: string): number | null {
  for (const part of header.split(",")) {
    const [key, value] = part.split("=", 2);
    if (key?.trim() === "t" && value && /^\d{1,12}$/.test(value.trim())) return Number(value.trim());
  }
  return null;
}
