import { parseEnv } from "@quarry/core/env";
import { guardedFetch } from "../providers/api/shared/guarded-fetch.ts";

/**
 * The process's network policy for vendor calls, read once from the environment on first use
 * (ENRICHMENT_ALLOW_PRIVATE_NETWORKS), like provider-key-box.ts. Services take the flag or a fetch
 * as an argument; procedures, the run task and the key check pass these.
 */
let allowed: boolean | undefined;
let vendorFetchFn: typeof fetch | undefined;

export function privateNetworksAllowed(): boolean {
  allowed ??= parseEnv().ENRICHMENT_ALLOW_PRIVATE_NETWORKS;
  return allowed;
}

/** The fetch every vendor call makes in the app: refuses private addresses unless allowed. */
export function vendorFetch(): typeof fetch {
  vendorFetchFn ??= guardedFetch({ allowPrivateNetworks: privateNetworksAllowed() });
  return vendorFetchFn;
}
