import { badInput } from "@quarry/core/app-error";
import { systemClock } from "@quarry/core/clock";
import { systemActor, userActor } from "@quarry/core/service-context";
import type { ServiceCtx } from "@quarry/db/service-context";
import { companyEntity, contactEntity, type EntityDef } from "@quarry/records/schemas/entities";
import type { RecordSelection } from "@quarry/records/schemas/selection";
import { type SelectedRecord, selectRecords } from "@quarry/records/services/select-records";
import type { EnrichEntity } from "../providers/provider.ts";
import type { EnrichmentCtx, EnrichmentDeps } from "./deps.ts";
import { enrichableFields } from "./waterfall.ts";

/** The most records one run takes; a larger selection is truncated (the preview says so). */
export const MAX_RUN_RECORDS = 50_000;

export function entityDef(entity: EnrichEntity): EntityDef {
  return entity === "contact" ? contactEntity : companyEntity;
}

/**
 * The records services' context for enrichment: acting for whoever started the run (the system
 * named "enrichment" when nobody did). Their writes show "enrichment" as source either way:
 * apply-enriched-values records that itself.
 */
export function recordsContext(ctx: EnrichmentCtx): ServiceCtx {
  const actor = ctx.actor ? userActor(ctx.actor.id) : systemActor("enrichment");
  return { db: ctx.db, workspaceId: ctx.workspaceId, actor, log: ctx.log, clock: systemClock };
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
