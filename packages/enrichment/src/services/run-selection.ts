import { badInput } from "@quarry/core/app-error";
import { companyEntity, contactEntity, type EntityDef } from "@quarry/records/schemas/entities";
import type { RecordSelection } from "@quarry/records/schemas/selection";
import type { RecordsContext } from "@quarry/records/services/context";
import { type SelectedRecord, selectRecords } from "@quarry/records/services/select-records";
import type { EnrichEntity } from "../providers/provider.ts";
import type { EnrichmentCtx, EnrichmentDeps } from "./deps.ts";
import { enrichableFields } from "./waterfall.ts";

/** The most records one run takes; a larger selection is truncated (the preview says so). */
export const MAX_RUN_RECORDS = 50_000;

export function entityDef(entity: EnrichEntity): EntityDef {
  return entity === "contact" ? contactEntity : companyEntity;
}

/** Records services see enrichment as the writer, acting for whoever started the run. */
export function recordsContext(ctx: EnrichmentCtx): RecordsContext {
  return { db: ctx.db, workspaceId: ctx.workspaceId, actor: ctx.actor, source: "enrichment", log: ctx.log };
}

/** Fields must be ones some provider can fill for the entity; duplicates collapse. */
export function checkFields(deps: EnrichmentDeps, entity: EnrichEntity, fields: readonly string[]): string[] {
  const known = enrichableFields(deps, entity);
  fields.forEach((f, i) => {
    if (!known.includes(f))
      throw badInput(`fields.${i}`, `fields.${i}: no provider can fill ${entity} field "${f}"`);
  });
  return [...new Set(fields)];
}

export async function resolveSelection(
  ctx: EnrichmentCtx,
  entity: EnrichEntity,
  selection: RecordSelection,
): Promise<{ records: SelectedRecord[]; truncated: boolean }> {
  return selectRecords(recordsContext(ctx), entityDef(entity), selection, MAX_RUN_RECORDS);
}
