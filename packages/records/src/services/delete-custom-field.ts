import { notFound } from "@quarry/core/app-error";
import { actorUserId } from "@quarry/core/service-context";
import type { ServiceCtx } from "@quarry/db/service-context";
import { withTx } from "@quarry/db/with-tx";
import {
  deleteCustomFieldRow,
  findCustomFieldRow,
  removeCustomKey,
} from "../queries/custom-fields.queries.ts";
import { activitySource } from "./activity-source.ts";
import { toCustomField } from "./custom-field-defs.ts";

/**
 * Deletes a definition and, in the same transaction, removes its key from every record's custom
 * values (each affected record gets an activity row), so a later field with the same key starts clean.
 */
export async function deleteCustomField(ctx: ServiceCtx, input: { id: string }): Promise<{ ok: true }> {
  return withTx(ctx.db, async (db) => {
    const row = await findCustomFieldRow(db, ctx.workspaceId, input.id, { forUpdate: true });
    if (!row) throw notFound("Field");
    const field = toCustomField(row);
    await removeCustomKey(db, {
      workspaceId: ctx.workspaceId,
      entity: field.entity,
      key: field.key,
      actorId: actorUserId(ctx.actor),
      source: activitySource(ctx.actor),
    });
    await deleteCustomFieldRow(db, ctx.workspaceId, input.id);
    return { ok: true as const };
  });
}
