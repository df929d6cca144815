import type { Database } from "@quarry/db/client";
import type { EnrichEntity, ProviderDefinition } from "../providers/provider.ts";

/** The vendor key and base URL one call uses; null when the workspace has no key for a provider that needs one. */
export type ProviderCredentials = { apiKey: string | null; baseUrl: string } | null;

export interface EngineTiming {
  /** Records per batch job (items are (record, field) pairs, so a job holds up to this × fields items). */
  batchRecords: number;
  /**
   * Provider calls one batch job makes at once (chunks of the provider's batch size). With a
   * vendor latency of L ms and a limit of R calls/s, workers × concurrency × this should reach
   * L × R / 1000 calls in flight, or the limit cannot be used.
   */
  callConcurrency: number;
  /** A provider call is aborted (retryable "timeout") after this long. */
  callTimeoutMs: number;
  /** How often a call in flight re-reads the run status (cancel aborts it). */
  cancelPollMs: number;
  /** How often a live worker touches its claims; the reaper takes back claims untouched for `staleAfterMs`. */
  heartbeatMs: number;
  staleAfterMs: number;
  /** Retryable errors (429, 5xx, timeouts) per item and provider before moving on. */
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** Consecutive failed calls that pause a provider, and the first pause. */
  breakerThreshold: number;
  breakerPauseMs: number;
}

export const defaultTiming: EngineTiming = {
  batchRecords: 50,
  callConcurrency: 5,
  callTimeoutMs: 30_000,
  cancelPollMs: 250,
  heartbeatMs: 15_000,
  staleAfterMs: 120_000,
  maxAttempts: 5,
  backoffBaseMs: 2_000,
  backoffMaxMs: 120_000,
  breakerThreshold: 5,
  breakerPauseMs: 60_000,
};

/**
 * What the enrichment services need from outside: the providers (the registry, or a test list),
 * each field's default waterfall, vendor credentials and timing. Services take it as a
 * parameter, so tests run the real engine with providers they control.
 */
export interface EnrichmentDeps {
  providers: readonly ProviderDefinition[];
  defaultWaterfall(entity: EnrichEntity, field: string): string[];
  credentials(db: Database, workspaceId: string, provider: ProviderDefinition): Promise<ProviderCredentials>;
  fetch: typeof fetch;
  timing: EngineTiming;
}

export function providerById(deps: EnrichmentDeps, id: string): ProviderDefinition | undefined {
  return deps.providers.find((p) => p.id === id);
}

/** Providers that can fill the field, in list order: the default waterfall for a provider list. */
export function providersFilling(
  providers: readonly ProviderDefinition[],
  entity: EnrichEntity,
  field: string,
): ProviderDefinition[] {
  return providers.filter((p) => (p.fields[entity] as readonly string[]).includes(field));
}
