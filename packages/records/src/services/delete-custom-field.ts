import { notFound } from "@quarry/core/app-error";
import { withTx } from "@quarry/db/with-tx";
import {
  deleteCustomFieldRow,
  findCustomFieldRow,
  removeCustomKey,
} from "../queries/custom-fields.queries.ts";
import type { RecordsContext } from "./context.ts";
import { toCustomField } from "./custom-field-defs.ts";

/**
 * Deletes a definition and, in the same transaction, removes its key from every record's custom
 * values (each affected record gets an activity row), so a later field with the same key starts clean.
 */
export async function deleteCustomField(ctx: RecordsContext, input: { id: string }): Promise<{ ok: true }> {
  return withTx(ctx.db, async (db) => {
    const row = await findCustomFieldRow(db, ctx.workspaceId, input.id, { forUpdate: true });
    if (!row) throw notFound("Field");
    const field = toCustomField(row);
    await removeCustomKey(db, {
      workspaceId: ctx.workspaceId,
      entity: field.entity,
      key: field.key,
      actorId: ctx.actor?.id ?? null,
      source: ctx.source,
    });
    await deleteCustomFieldRow(db, ctx.workspaceId, input.id);
    return { ok: true as const };
  });
}
