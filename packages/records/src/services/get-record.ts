import { notFound } from "@quarry/core/app-error";
import type { ServiceCtx } from "@quarry/db/service-context";
import { findRecord } from "../queries/records.queries.ts";
import type { EntityDef } from "../schemas/entities.ts";
import type { FieldMap } from "../schemas/field-types.ts";
import type { RecordOf } from "../schemas/record-schemas.ts";
import { loadFieldSources } from "./record-sources.ts";
import { toRecord } from "./record-values.ts";

/** A record of this workspace, deleted ones included (they show `deletedAt`), with its quality and sources. */
export async function getRecord<F extends FieldMap>(
  ctx: ServiceCtx,
  entity: EntityDef<F>,
  id: string,
): Promise<RecordOf<F>> {
  const row = await findRecord(ctx.db, entity, ctx.workspaceId, id);
  if (!row) throw notFound(entity.label);
  const sources = await loadFieldSources(ctx.db, ctx.workspaceId, [row.id]);
  return toRecord(entity, row, sources.get(row.id));
}
