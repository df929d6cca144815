import { badInput } from "@quarry/core/app-error";
import type { ServiceCtx } from "@quarry/db/service-context";
import { withTx } from "@quarry/db/with-tx";
import type { EnrichEntity } from "../providers/provider.ts";
import {
  deleteWaterfall,
  findTestMode,
  upsertTestMode,
  upsertThreshold,
  upsertWaterfall,
} from "../queries/settings.queries.ts";
import type { EnrichmentSettings, UpdateSettingsInput } from "../schemas/settings.ts";
import { type EnrichmentDeps, providerById } from "./deps.ts";
import { providerAvailability } from "./estimate-run.ts";
import { fieldUnavailable } from "./field-availability.ts";
import { enrichableFields, loadThreshold, loadWaterfalls } from "./waterfall.ts";

const entities: readonly EnrichEntity[] = ["contact", "company"];

/**
 * The threshold, test mode, and the waterfall of every enrichable field: the order a run uses
 * now, the order configured (own or default), and why no enabled provider can fill it, if so.
 */
export async function getEnrichmentSettings(
  ctx: ServiceCtx,
  deps: EnrichmentDeps,
): Promise<EnrichmentSettings> {
  const testMode = await findTestMode(ctx.db, ctx.workspaceId);
  const waterfalls: EnrichmentSettings["waterfalls"] = [];
  for (const entity of entities) {
    const fields = enrichableFields(deps, entity);
    const resolved = await loadWaterfalls(ctx.db, deps, ctx.workspaceId, entity, fields, { testMode });
    const used = [...resolved.values()].flatMap((w) => w.providers);
    const availability = await providerAvailability(ctx.db, deps, ctx.workspaceId, used);
    for (const field of fields) {
      const w = resolved.get(field);
      const providers = w?.providers ?? [];
      waterfalls.push({
        entity,
        field,
        providers: providers.map((p) => p.id),
        configured: (w?.configured ?? []).map((p) => p.id),
        unavailable: fieldUnavailable(providers, availability, testMode),
        isDefault: w?.isDefault ?? true,
      });
    }
  }
  return { confidenceThreshold: await loadThreshold(ctx.db, ctx.workspaceId), testMode, waterfalls };
}

/**
 * Sets the threshold, test mode and per-field orders; every provider named must exist and be
 * able to fill the field. Test mode is a flag the waterfall resolution honours: it never rewrites
 * the saved orders, so switching it off gives them back exactly.
 */
export async function updateEnrichmentSettings(
  ctx: ServiceCtx,
  deps: EnrichmentDeps,
  input: UpdateSettingsInput,
): Promise<EnrichmentSettings> {
  const { confidenceThreshold, testMode, waterfalls = [] } = input.data;
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
    if (testMode !== undefined) await upsertTestMode(db, ctx.workspaceId, testMode);
    for (const w of waterfalls) {
      if (w.providers === null) await deleteWaterfall(db, ctx.workspaceId, w.entity, w.field);
      else await upsertWaterfall(db, ctx.workspaceId, { ...w, providers: w.providers });
    }
  });
  if (testMode !== undefined) ctx.log.info({ testMode }, "enrichment test mode switched");
  return getEnrichmentSettings(ctx, deps);
}
