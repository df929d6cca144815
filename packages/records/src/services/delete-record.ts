import { notFound } from "@quarry/core/app-error";
import { actorUserId } from "@quarry/core/service-context";
import type { ServiceCtx } from "@quarry/db/service-context";
import { withTx } from "@quarry/db/with-tx";
import { insertActivity } from "../queries/activity.queries.ts";
import { findRecord, setRecordDeletedAt } from "../queries/records.queries.ts";
import type { EntityDef } from "../schemas/entities.ts";
import { activitySource } from "./activity-source.ts";

/**
 * Soft delete: the record moves to the trash (restorable). Deleting a deleted record changes
 * nothing. A deleted company's contacts keep their company_id (a restore brings the link back);
 * lists show its fields as empty meanwhile, and a new company of its domain takes them over.
 */
export async function deleteRecord(ctx: ServiceCtx, entity: EntityDef, id: string): Promise<{ ok: true }> {
  return withTx(ctx.db, async (db) => {
    const row = await findRecord(db, entity, ctx.workspaceId, id, { forUpdate: true });
    if (!row) throw notFound(entity.label);
    if (row.deleted_at) return { ok: true as const };
    const actorId = actorUserId(ctx.actor);
    const updated = await setRecordDeletedAt(db, entity, ctx.workspaceId, id, new Date(), actorId);
    await insertActivity(db, {
      workspaceId: ctx.workspaceId,
      entity: entity.name,
      recordId: id,
      actorId,
      source: activitySource(ctx.actor),
      action: "delete",
      changes: [{ field: "deletedAt", old: null, new: updated?.deleted_at?.toISOString() ?? null }],
    });
    return { ok: true as const };
  });
}
