import type { Database } from "@quarry/db/client";
import type { EnrichEntity, ProviderDefinition } from "../providers/provider.ts";
import { findThreshold, listWaterfallRows } from "../queries/settings.queries.ts";
import { type EnrichmentDeps, providerById } from "./deps.ts";

export const DEFAULT_CONFIDENCE_THRESHOLD = 70;

/** Every field some provider can fill, per entity, in a stable order. */
export function enrichableFields(deps: EnrichmentDeps, entity: EnrichEntity): string[] {
  const fields = new Set<string>();
  for (const p of deps.providers) for (const f of p.fields[entity]) fields.add(f);
  return [...fields].sort();
}

export async function loadThreshold(db: Database, workspaceId: string): Promise<number> {
  return (await findThreshold(db, workspaceId)) ?? DEFAULT_CONFIDENCE_THRESHOLD;
}

export interface ResolvedWaterfall {
  /** The providers a run tries, in order (in test mode: the free built-ins, then the sandbox). */
  providers: ProviderDefinition[];
  /** The order the workspace set (or the default): what test mode leaves untouched. */
  configured: ProviderDefinition[];
  isDefault: boolean;
}

function fills(p: ProviderDefinition, entity: EnrichEntity, field: string): boolean {
  return (p.fields[entity] as readonly string[]).includes(field);
}

/**
 * What test mode makes of a field's waterfall: its free built-ins in their order, then the
 * sandbox where it can fill the field. Vendor APIs are left out, so a test run calls no vendor
 * and charges only what the sandbox charges. Nothing is stored: the saved order stays as it was.
 */
export function testWaterfall(
  deps: EnrichmentDeps,
  entity: EnrichEntity,
  field: string,
  configured: readonly ProviderDefinition[],
): ProviderDefinition[] {
  const builtins = configured.filter((p) => p.kind === "builtin");
  const sandboxes = deps.providers.filter((p) => p.kind === "sandbox" && fills(p, entity, field));
  return [...builtins, ...sandboxes];
}

/**
 * The providers tried for each field, in order: the workspace's own order where it set one,
 * else the registry default. Ids that no longer name a provider able to fill the field drop out.
 * With `testMode` (the workspace's switch, or the flag a test run was started with) the order
 * tried is the test waterfall; the configured one is returned beside it, unchanged.
 */
export async function loadWaterfalls(
  db: Database,
  deps: EnrichmentDeps,
  workspaceId: string,
  entity: EnrichEntity,
  fields: readonly string[],
  opts: { testMode: boolean },
): Promise<Map<string, ResolvedWaterfall>> {
  const own = new Map(
    (await listWaterfallRows(db, workspaceId)).filter((r) => r.entity === entity).map((r) => [r.field, r]),
  );
  const out = new Map<string, ResolvedWaterfall>();
  for (const field of fields) {
    const row = own.get(field);
    const ids = row ? row.providers : deps.defaultWaterfall(entity, field);
    const configured = ids
      .map((id) => providerById(deps, id))
      .filter((p): p is ProviderDefinition => !!p && fills(p, entity, field));
    const providers = opts.testMode ? testWaterfall(deps, entity, field, configured) : configured;
    out.set(field, { providers, configured, isDefault: !row });
  }
  return out;
}
