import type { Env } from "@quarry/core/env";
import { type StripeSettings, stripeSettingsFromEnv } from "@quarry/core/outbound";
import Stripe from "stripe";

const clients = new WeakMap<StripeSettings, Stripe>();

/**
 * The process's Stripe client for these settings (Outbound.stripe), built once and reused; null
 * when no secret key is set. STRIPE_API_BASE points it at a local fake.
 */
export function stripeClient(settings: StripeSettings | null | undefined): Stripe | null {
  if (!settings?.secretKey) return null;
  let client = clients.get(settings);
  if (!client) {
    client = new Stripe(settings.secretKey, {
      maxNetworkRetries: 2,
      timeout: 20_000,
      telemetry: false,
      ...(settings.apiBase ?? {}),
    });
    clients.set(settings, client);
  }
  return client;
}

/** A Stripe client from an Env, or null when STRIPE_SECRET_KEY is unset. */
export function stripeFromEnv(env: Env): Stripe | null {
  return stripeClient(stripeSettingsFromEnv(env));
}

/** Whether this install can sell plans (a secret key is set). */
export function billingConfigured(settings: StripeSettings | null | undefined): boolean {
  return Boolean(settings?.secretKey);
}
