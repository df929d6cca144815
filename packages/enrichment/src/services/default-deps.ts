import { defaultWaterfall, providers } from "../providers/registry.ts";
import { defaultTiming, type EnrichmentDeps } from "./deps.ts";
import { loadProviderCredentials } from "./load-provider-credentials.ts";
import { providerKeyBox } from "./provider-key-box.ts";
import { vendorFetch } from "./vendor-network.ts";

/**
 * The deps the app runs with: the registry's providers and default waterfalls, the workspace's
 * stored vendor keys (decrypted with the process's secret box), the vendor fetch (no private
 * addresses unless ENRICHMENT_ALLOW_PRIVATE_NETWORKS), default timing.
 */
export function defaultDeps(): EnrichmentDeps {
  return {
    providers,
    defaultWaterfall: (entity, field) =>
      defaultWaterfall(entity, field as Parameters<typeof defaultWaterfall>[1]),
    async credentials(db, workspaceId, provider) {
      if (!provider.needsApiKey) return { apiKey: null, baseUrl: provider.defaultBaseUrl ?? "" };
      return loadProviderCredentials(db, providerKeyBox(), workspaceId, provider.id);
    },
    fetch: vendorFetch(),
    timing: defaultTiming,
  };
}

let app: EnrichmentDeps | undefined;
/** The default deps, built once per process (procedures and tasks share them). */
export function appDeps(): EnrichmentDeps {
  app ??= defaultDeps();
  return app;
}
