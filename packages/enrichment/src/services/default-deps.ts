import type { Outbound } from "@quarry/core/outbound";
import { defaultWaterfall, providers } from "../providers/registry.ts";
import { defaultTiming, type EnrichmentDeps } from "./deps.ts";
import { loadProviderCredentials } from "./load-provider-credentials.ts";

/**
 * The deps the app runs with: the registry's providers and default waterfalls, the workspace's
 * stored vendor keys (decrypted with the process's secret box), the process's vendor fetch,
 * default timing. Built where a procedure or task needs them, from the Outbound it was given.
 */
export function defaultDeps(outbound: Outbound): EnrichmentDeps {
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
