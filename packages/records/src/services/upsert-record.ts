import { badInput } from "@quarry/core/app-error";
import type { ServiceCtx } from "@quarry/db/service-context";
import { withTx } from "@quarry/db/with-tx";
import { findLiveIdByUniqueValue, lockUniqueValue } from "../queries/upsert.queries.ts";
import type { EntityDef } from "../schemas/entities.ts";
import type { FieldMap } from "../schemas/field-types.ts";
import type { RecordOf } from "../schemas/record-schemas.ts";
import { createRecord } from "./create-record.ts";
import { parseRecordData } from "./record-values.ts";
import { updateRecord } from "./update-record.ts";

/**
 * Creates the record, or updates the live one with the same unique value (a contact's email, a
 * company's domain): given fields are written, omitted ones left alone, null clears. Concurrent
 * upserts of one value are serialised, so they never make two records.
 */
export async function upsertRecord<F extends FieldMap>(
  ctx: ServiceCtx,
  entity: EntityDef<F>,
  rawData: unknown,
): Promise<{ record: RecordOf<F>; created: boolean }> {
  const data: Record<string, unknown> = parseRecordData(entity, rawData);
  const field = entity.unique.field;
  const value = data[field];
  if (typeof value !== "string") {
    throw badInput(`data.${field}`, `data.${field} is required: records are matched on it`);
  }
  return withTx(ctx.db, async (db) => {
    const txCtx = { ...ctx, db };
    await lockUniqueValue(db, entity, ctx.workspaceId, value);
    const id = await findLiveIdByUniqueValue(db, entity, ctx.workspaceId, value);
    if (id) return { record: await updateRecord(txCtx, entity, id, rawData), created: false };
    return { record: await createRecord(txCtx, entity, rawData), created: true };
  });
}
