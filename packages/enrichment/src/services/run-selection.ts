import { badInput } from "@quarry/core/app-error";
import { systemActor, userActor } from "@quarry/core/service-context";
import type { ServiceCtx } from "@quarry/db/service-context";
import { companyEntity, contactEntity, type EntityDef } from "@quarry/records/schemas/entities";
import type { RecordSelection } from "@quarry/records/schemas/selection";
import { type SelectedRecord, selectRecords } from "@quarry/records/services/select-records";
import type { EnrichEntity } from "../providers/provider.ts";
import type { EnrichmentDeps } from "./deps.ts";
import { enrichableFields } from "./waterfall.ts";

/** The most records one run takes; a larger selection is truncated (the preview says so). */
export const MAX_RUN_RECORDS = 50_000;

export function entityDef(entity: EnrichEntity): EntityDef {
  return entity === "contact" ? contactEntity : companyEntity;
}

/**
 * The engine's context for one run (from the task's, whose actor is the system named
 * "enrichment"): acting for whoever started the run, the system when nobody did. Records writes
 * show "enrichment" as their source either way: apply-enriched-values records that itself.
 */
export function runContext(ctx: ServiceCtx, createdBy: string | null): ServiceCtx {
  return { ...ctx, actor: createdBy ? userActor(createdBy) : systemActor("enrichment") };
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
  ctx: ServiceCtx,
  entity: EnrichEntity,
  selection: RecordSelection,
): Promise<{ records: SelectedRecord[]; truncated: boolean }> {
  return selectRecords(ctx, entityDef(entity), selection, MAX_RUN_RECORDS);
}
