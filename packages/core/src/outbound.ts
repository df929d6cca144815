import type { Env } from "./env.ts";
import { guardedFetch } from "./guarded-fetch.ts";
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
}

/** The process's Outbound from its Env: one secret box and one guarded fetch. */
export function outboundFromEnv(env: Env): Outbound {
  return {
    secretBox: secretBoxFromEnv(env),
    fetch: guardedFetch({ allowPrivateNetworks: env.QUARRY_ALLOW_PRIVATE_NETWORKS }),
    allowPrivateNetworks: env.QUARRY_ALLOW_PRIVATE_NETWORKS,
  };
}
