import { badInput } from "@quarry/core/app-error";
import type { ServiceCtx } from "@quarry/db/service-context";
import { withTx } from "@quarry/db/with-tx";
import type { EnrichEntity } from "../providers/provider.ts";
import { deleteWaterfall, upsertThreshold, upsertWaterfall } from "../queries/settings.queries.ts";
import type { EnrichmentSettings, UpdateSettingsInput } from "../schemas/settings.ts";
import { type EnrichmentDeps, providerById } from "./deps.ts";
import { enrichableFields, loadThreshold, loadWaterfalls } from "./waterfall.ts";

const entities: readonly EnrichEntity[] = ["contact", "company"];

/** The threshold and the waterfall of every enrichable field (own or default). */
export async function getEnrichmentSettings(
  ctx: ServiceCtx,
  deps: EnrichmentDeps,
): Promise<EnrichmentSettings> {
  const waterfalls: EnrichmentSettings["waterfalls"] = [];
  for (const entity of entities) {
    const fields = enrichableFields(deps, entity);
    const resolved = await loadWaterfalls(ctx.db, deps, ctx.workspaceId, entity, fields);
    for (const field of fields) {
      const w = resolved.get(field);
      waterfalls.push({
        entity,
        field,
        providers: (w?.providers ?? []).map((p) => p.id),
        isDefault: w?.isDefault ?? true,
      });
    }
  }
  return { confidenceThreshold: await loadThreshold(ctx.db, ctx.workspaceId), waterfalls };
}

/** Sets the threshold and per-field orders; every provider named must exist and be able to fill the field. */
export async function updateEnrichmentSettings(
  ctx: ServiceCtx,
  deps: EnrichmentDeps,
  input: UpdateSettingsInput,
): Promise<EnrichmentSettings> {
  const { confidenceThreshold, waterfalls = [] } = input.data;
  waterfalls.forEach((w, i) => {
    const at = `data.waterfalls.${i}`;
    if (!enrichableFields(deps, w.entity).includes(w.field)) {
      throw badInput(`${at}.field`, `${at}.field: no provider can fill ${w.entity} field "${w.field}"`);
    }
    const seen = new Set<string>();
    for (const id of w.providers ?? []) {
      const p = providerById(deps, id);
      if (!p) throw badInput(`${at}.providers`, `${at}.providers: unknown provider "${id}"`);
      if (!(p.fields[w.entity] as readonly string[]).includes(w.field)) {
        throw badInput(`${at}.providers`, `${at}.providers: ${p.name} cannot fill ${w.field}`);
      }
      if (seen.has(id)) throw badInput(`${at}.providers`, `${at}.providers: "${id}" is listed twice`);
      seen.add(id);
    }
  });
  await withTx(ctx.db, async (db) => {
    if (confidenceThreshold !== undefined) await upsertThreshold(db, ctx.workspaceId, confidenceThreshold);
    for (const w of waterfalls) {
      if (w.providers === null) await deleteWaterfall(db, ctx.workspaceId, w.entity, w.field);
      else await upsertWaterfall(db, ctx.workspaceId, { ...w, providers: w.providers });
    }
  });
  return getEnrichmentSettings(ctx, deps);
}
