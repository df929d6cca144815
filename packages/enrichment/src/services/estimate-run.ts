import type { Database } from "@quarry/db/client";
import type { SelectedRecord } from "@quarry/records/services/select-records";
import { canLookUp, type EnrichEntity, type ProviderDefinition } from "../providers/provider.ts";
import { providerStats } from "../queries/lookups.queries.ts";
import { pausedProviders } from "../queries/provider-health.queries.ts";
import type { RunEstimate } from "../schemas/runs.ts";
import type { EnrichmentDeps } from "./deps.ts";
import { loadWaterfalls } from "./waterfall.ts";

/** The hit rate assumed for a provider with no lookups in this workspace yet. */
export const DEFAULT_HIT_RATE = 0.5;

export function isFilled(value: unknown): boolean {
  if (value === null || value === undefined || value === "") return false;
  return !(Array.isArray(value) && value.length === 0);
}

/** Why a record's field is not enriched, or null when it needs a value. */
export function skipReason(record: SelectedRecord, field: string, overwrite: boolean): string | null {
  if (overwrite || !isFilled(record.values[field])) return null;
  const source = record.sources[field];
  return source
    ? `Already enriched by ${source.provider}: run with overwrite to refresh it.`
    : "A user typed this value: run with overwrite to replace it.";
}

/** How the reason for a provider without a key starts (field-availability.ts tells keys from pauses by it). */
export const NO_KEY_PREFIX = "No API key for";

/** Per provider: unavailable (and why) for this workspace, or available. */
export async function providerAvailability(
  db: Database,
  deps: EnrichmentDeps,
  workspaceId: string,
  providers: readonly ProviderDefinition[],
): Promise<Map<string, string | null>> {
  const paused = await pausedProviders(db, workspaceId);
  const out = new Map<string, string | null>();
  for (const p of providers) {
    if (out.has(p.id)) continue;
    if (paused.has(p.id)) out.set(p.id, "Paused after repeated failures (degraded).");
    else if (p.needsApiKey && !(await deps.credentials(db, workspaceId, p).catch(() => null))) {
      out.set(p.id, `${NO_KEY_PREFIX} ${p.name}: add one on the Providers page.`);
    } else out.set(p.id, null);
  }
  return out;
}

/**
 * Cost preview per field and provider. Each field walks its waterfall: a provider reaches the
 * records still missing a value (in expectation, from the hit rates of earlier steps) that it can
 * look up; expected cost uses its hit rate in this workspace so far (30 days; 50% before any
 * lookup), worst case assumes every record it can look up is found (and charged) there.
 */
export async function estimateRun(
  db: Database,
  deps: EnrichmentDeps,
  workspaceId: string,
  input: { entity: EnrichEntity; fields: readonly string[]; overwrite: boolean; testMode: boolean },
  records: readonly SelectedRecord[],
  opts: { truncated: boolean; available: number | null },
): Promise<RunEstimate> {
  const waterfalls = await loadWaterfalls(db, deps, workspaceId, input.entity, input.fields, {
    testMode: input.testMode,
  });
  const stats = new Map((await providerStats(db, workspaceId, 30)).map((s) => [s.provider, s]));
  const all = [...waterfalls.values()].flatMap((w) => w.providers);
  const availability = await providerAvailability(db, deps, workspaceId, all);
  const fields: RunEstimate["fields"] = [];
  for (const field of input.fields) {
    const needed = records.filter((r) => skipReason(r, field, input.overwrite) === null);
    const missing = new Map(needed.map((r) => [r.id, 1]));
    const worstPerRecord = new Map<string, number>();
    const providers: RunEstimate["fields"][number]["providers"] = [];
    for (const p of waterfalls.get(field)?.providers ?? []) {
      const unavailable = availability.get(p.id) ?? null;
      const s = stats.get(p.id);
      const answered = s ? s.lookups - s.errors : 0;
      const hitRate = s && answered > 0 ? s.found / answered : DEFAULT_HIT_RATE;
      const eligible = unavailable
        ? []
        : needed.filter((r) => canLookUp(p, { entity: input.entity, recordId: r.id, values: r.values }));
      let expectedFound = 0;
      for (const r of eligible) {
        const miss = missing.get(r.id) ?? 0;
        expectedFound += miss * hitRate;
        missing.set(r.id, miss * (1 - hitRate));
        worstPerRecord.set(r.id, Math.max(worstPerRecord.get(r.id) ?? 0, p.costCredits));
      }
      providers.push({
        provider: p.id,
        name: p.name,
        kind: p.kind,
        eligible: eligible.length,
        unavailable,
        costPerValue: p.costCredits,
        hitRate: Math.round(hitRate * 1000) / 1000,
        expectedFound: Math.round(expectedFound * 10) / 10,
        expectedCost: Math.ceil(expectedFound * p.costCredits),
        worstCaseCost: eligible.length * p.costCredits,
      });
    }
    let worst = 0;
    for (const v of worstPerRecord.values()) worst += v;
    fields.push({
      field,
      needed: needed.length,
      skipped: records.length - needed.length,
      providers,
      expectedCost: providers.reduce((sum, p) => sum + p.expectedCost, 0),
      worstCaseCost: worst,
    });
  }
  const worstCaseCost = fields.reduce((sum, f) => sum + f.worstCaseCost, 0);
  return {
    recordCount: records.length,
    truncated: opts.truncated,
    fields,
    expectedCost: fields.reduce((sum, f) => sum + f.expectedCost, 0),
    worstCaseCost,
    available: opts.available,
    covered: opts.available === null ? null : opts.available >= worstCaseCost,
  };
}
