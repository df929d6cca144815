import { defaultWaterfall, providers } from "../providers/registry.ts";
import { defaultTiming, type EnrichmentDeps } from "./deps.ts";
import { loadProviderCredentials } from "./load-provider-credentials.ts";
import { providerKeyBox } from "./provider-key-box.ts";

/**
 * The deps the app runs with: the registry's providers and default waterfalls, the workspace's
 * stored vendor keys (decrypted with the process's secret box), the global fetch, default timing.
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
    fetch: globalThis.fetch,
    timing: defaultTiming,
  };
}

let app: EnrichmentDeps | undefined;
/** The default deps, built once per process (procedures and tasks share them). */
export function appDeps(): EnrichmentDeps {
  app ??= defaultDeps();
  return app;
}
