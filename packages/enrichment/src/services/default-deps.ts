import type { SecretBox } from "@quarry/core/secret-box";
import { defaultWaterfall, providers } from "../providers/registry.ts";
import { defaultTiming, type EnrichmentDeps } from "./deps.ts";
import { loadProviderCredentials } from "./load-provider-credentials.ts";

/**
 * What the process gives enrichment for calls it makes on a workspace's behalf, built once from
 * Env in apps/server/src/main.ts and jobs/src/main.ts (tests: testing/test-outbound.ts).
 */
export interface EnrichmentOutbound {
  /** Decrypts stored provider keys (secretBoxFromEnv). */
  secretBox: SecretBox;
  /** Every vendor call and key check: guardedFetch from @quarry/core, refusing private addresses unless allowed. */
  fetch: typeof fetch;
  /** QUARRY_ALLOW_PRIVATE_NETWORKS: whether a saved base URL may name a private or loopback host. */
  allowPrivateNetworks: boolean;
}

/**
 * The deps the app runs with: the registry's providers and default waterfalls, the workspace's
 * stored vendor keys (decrypted with the process's secret box), the process's vendor fetch,
 * default timing.
 */
export function defaultDeps(outbound: EnrichmentOutbound): EnrichmentDeps {
  return {
    providers,
    defaultWaterfall: (entity, field) =>
      defaultWaterfall(entity, field as Parameters<typeof defaultWaterfall>[1]),
    async credentials(db, workspaceId, provider) {
      if (!provider.needsApiKey) return { apiKey: null, baseUrl: provider.defaultBaseUrl ?? "" };
      return loadProviderCredentials(db, outbound.secretBox, workspaceId, provider.id);
    },
    fetch: outbound.fetch,
    timing: defaultTiming,
  };
}

let app: { outbound: EnrichmentOutbound; deps: EnrichmentDeps } | undefined;

/** Called once per process at start, before procedures or tasks run. */
export function configureEnrichment(outbound: EnrichmentOutbound): void {
  app = { outbound, deps: defaultDeps(outbound) };
}

function configured() {
  if (!app) {
    throw new Error(
      "enrichment is not configured: call configureEnrichment(outbound) when the process starts",
    );
  }
  return app;
}

/** The default deps of this process (procedures and tasks share them). */
export function appDeps(): EnrichmentDeps {
  return configured().deps;
}

/** The secret box, vendor fetch and network policy of this process. */
export function appOutbound(): EnrichmentOutbound {
  return configured().outbound;
}
