import {
  callVendor,
  malformed,
  rateLimited,
  serverError,
  unexpectedStatus,
} from "@quarry/enrichment/providers/api/shared/vendor-http";
import type {
  ProviderDefinition,
  ProviderInput,
  ProviderOutcome,
} from "@quarry/enrichment/providers/provider";
import { defaultTiming, type EnrichmentDeps } from "@quarry/enrichment/services/deps";

export const BENCH_PROVIDER_ID = "bench-bulk";
/** The contact field the fake vendor fills (seeded empty, so every contact needs it). */
export const BENCH_FIELD = "mobile_phone";
const VENDOR = "Bench vendor";

interface BulkReply {
  results?: Array<{ mobile_phone?: unknown; confidence?: unknown }>;
}

function outcomeOf(result: NonNullable<BulkReply["results"]>[number] | undefined): ProviderOutcome {
  if (!result) return malformed(VENDOR);
  const value = typeof result.mobile_phone === "string" ? result.mobile_phone : null;
  if (!value) return { status: "not_found" };
  const confidence = typeof result.confidence === "number" ? result.confidence : 0;
  return { status: "found", values: [{ field: BENCH_FIELD, value, confidence }] };
}

/**
 * The benchmark's vendor adapter: a bulk endpoint taking 10 contacts by email, 1 credit per value
 * (0 for the diagnostic scenario),
 * the limit the fake vendor enforces (or none), following the API adapters (callVendor, 429 →
 * retryable with Retry-After).
 */
export function benchProvider(
  baseUrl: string,
  rateLimit: ProviderDefinition["rateLimit"],
  costCredits = 1,
): ProviderDefinition {
  return {
    id: BENCH_PROVIDER_ID,
    name: "Bench bulk vendor",
    kind: "api",
    fields: { contact: [BENCH_FIELD], company: [] },
    requires: { contact: [["email"]] },
    costCredits,
    rateLimit,
    batchSize: 10,
    needsApiKey: false,
    defaultBaseUrl: baseUrl,
    async enrich(inputs: readonly ProviderInput[], ctx) {
      const result = await callVendor(VENDOR, ctx, {
        method: "POST",
        path: "/v1/people/bulk",
        json: { records: inputs.map((i) => ({ email: i.values.email })) },
      });
      if (!result.ok) return inputs.map(() => result.outcome);
      const res = result.response;
      let failure: ProviderOutcome | null = null;
      if (res.status === 429) failure = rateLimited(VENDOR, res.headers);
      else if (res.status >= 500) failure = serverError(VENDOR, res.status, res.headers);
      else if (res.status !== 200) failure = unexpectedStatus(VENDOR, res.status);
      if (failure) return inputs.map(() => failure);
      const results = (res.body as BulkReply | undefined)?.results;
      return inputs.map((_, i) => outcomeOf(results?.[i]));
    },
  };
}

/**
 * The app's engine with only the bench provider: its default waterfall, no key, default timing,
 * and the vendor fetch the app would use (guardedFetch, built from the worker's env).
 */
export function benchDeps(provider: ProviderDefinition, vendorFetch: typeof fetch): EnrichmentDeps {
  return {
    providers: [provider],
    defaultWaterfall: () => [provider.id],
    credentials: async () => ({ apiKey: null, baseUrl: provider.defaultBaseUrl ?? "" }),
    fetch: vendorFetch,
    timing: defaultTiming,
  };
}
