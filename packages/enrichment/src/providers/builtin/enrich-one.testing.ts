import type { EnrichEntity, ProviderDefinition, ProviderOutcome } from "../provider.ts";

/** Test helper: runs one record through a provider that needs no network. */
export async function enrichOne(
  provider: ProviderDefinition,
  entity: EnrichEntity,
  values: Record<string, unknown>,
): Promise<ProviderOutcome> {
  const ctx = {
    apiKey: null,
    baseUrl: "",
    signal: new AbortController().signal,
    fetch: () => Promise.reject(new Error("built-in providers must not use the network")),
  };
  const [outcome] = await provider.enrich([{ entity, recordId: "r1", values }], ctx);
  if (!outcome) throw new Error("provider returned no outcome");
  return outcome;
}

/** The found values as { field: value }, or null when the outcome is not "found". */
export function valuesOf(outcome: ProviderOutcome): Record<string, unknown> | null {
  if (outcome.status !== "found") return null;
  return Object.fromEntries(outcome.values.map((v) => [v.field, v.value]));
}
