import type { Env, StripeApiBase } from "./env.ts";
import { guardedFetch } from "./guarded-fetch.ts";
import type { PlanLimitsOf } from "./plan-limits.ts";
import { type SecretBox, secretBoxFromEnv } from "./secret-box.ts";

/**
 * What the process gives services for calls made on a workspace's behalf (vendor calls, stored
 * keys), built once from Env in apps/server/src/main.ts and jobs/src/main.ts and passed down:
 * into the tRPC context, REST calls and task helpers (tests: testing/test-outbound.ts).
 */
export interface Outbound {
  /** Encrypts and decrypts stored secrets (provider keys). */
  secretBox: SecretBox;
  /** Every vendor call and key check: guardedFetch, refusing private addresses unless allowed. */
  fetch: typeof fetch;
  /** QUARRY_ALLOW_PRIVATE_NETWORKS: whether a saved base URL may name a private or loopback host. */
  allowPrivateNetworks: boolean;
  /** Stripe's settings when STRIPE_SECRET_KEY or STRIPE_WEBHOOK_SECRET is set; absent or null: billing off. */
  stripe?: StripeSettings | null;
  /**
   * The plan limits (packages/billing `planLimits`), added by apps/server and jobs; copied into
   * every service context built from this Outbound. Absent: nothing is limited (tests that do not
   * test limits).
   */
  limits?: PlanLimitsOf<unknown> | undefined;
}

/** What packages/billing builds its Stripe client and checks webhook signatures with. */
export interface StripeSettings {
  secretKey: string | null;
  webhookSecret: string | null;
  /** STRIPE_API_BASE (a local fake); null: Stripe's own API. */
  apiBase: StripeApiBase | null;
}

/** The Stripe settings of an Env, or null when neither key is set. */
export function stripeSettingsFromEnv(env: Env): StripeSettings | null {
  if (!env.STRIPE_SECRET_KEY && !env.STRIPE_WEBHOOK_SECRET) return null;
  return {
    secretKey: env.STRIPE_SECRET_KEY ?? null,
    webhookSecret: env.STRIPE_WEBHOOK_SECRET ?? null,
    apiBase: env.STRIPE_API_BASE ?? null,
  };
}

/** The process's Outbound from its Env: one secret box and one guarded fetch. */
export function outboundFromEnv(env: Env): Outbound {
  return {
    secretBox: secretBoxFromEnv(env),
    fetch: guardedFetch({ allowPrivateNetworks: env.QUARRY_ALLOW_PRIVATE_NETWORKS }),
    allowPrivateNetworks: env.QUARRY_ALLOW_PRIVATE_NETWORKS,
    stripe: stripeSettingsFromEnv(env),
  };
}
