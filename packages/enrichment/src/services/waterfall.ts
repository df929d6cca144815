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

/**
 * The providers tried for each field, in order: the workspace's own order where it set one,
 * else the registry default. Ids that no longer name a provider able to fill the field drop out.
 */
export async function loadWaterfalls(
  db: Database,
  deps: EnrichmentDeps,
  workspaceId: string,
  entity: EnrichEntity,
  fields: readonly string[],
): Promise<Map<string, { providers: ProviderDefinition[]; isDefault: boolean }>> {
  const own = new Map(
    (await listWaterfallRows(db, workspaceId)).filter((r) => r.entity === entity).map((r) => [r.field, r]),
  );
  const out = new Map<string, { providers: ProviderDefinition[]; isDefault: boolean }>();
  for (const field of fields) {
    const row = own.get(field);
    const ids = row ? row.providers : deps.defaultWaterfall(entity, field);
    const providers = ids
      .map((id) => providerById(deps, id))
      .filter((p): p is ProviderDefinition => !!p && (p.fields[entity] as readonly string[]).includes(field));
    out.set(field, { providers, isDefault: !row });
  }
  return out;
}
