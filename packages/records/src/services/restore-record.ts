import { notFound } from "@quarry/core/app-error";
import { checkPlanLimit } from "@quarry/core/plan-limits";
import { actorUserId } from "@quarry/core/service-context";
import type { ServiceCtx } from "@quarry/db/service-context";
import { withTx } from "@quarry/db/with-tx";
import { insertActivity } from "../queries/activity.queries.ts";
import { findRecord, setRecordDeletedAt } from "../queries/records.queries.ts";
import type { EntityDef } from "../schemas/entities.ts";
import type { FieldMap } from "../schemas/field-types.ts";
import type { RecordOf } from "../schemas/record-schemas.ts";
import { activitySource } from "./activity-source.ts";
import { linkContactsToCompany } from "./link-companies.ts";
import { loadFieldSources } from "./record-sources.ts";
import { toRecord, uniqueConflict } from "./record-values.ts";

/**
 * Brings a record back from the trash. CONFLICT when a live record took its email / domain
 * meanwhile. Restoring a live record changes nothing. Contacts keep their company_id while it is
 * in the trash, so a restored company has its contacts back; it also takes the unlinked contacts
 * of its domain. A restored record counts towards the plan's records limit again, so restoring is
 * refused at the limit.
 */
export async function restoreRecord<F extends FieldMap>(
  ctx: ServiceCtx,
  entity: EntityDef<F>,
  id: string,
): Promise<RecordOf<F>> {
  return withTx(ctx.db, async (db) => {
    const row = await findRecord(db, entity, ctx.workspaceId, id, { forUpdate: true });
    if (!row) throw notFound(entity.label);
    const sources = (await loadFieldSources(db, ctx.workspaceId, [id])).get(id);
    if (!row.deleted_at) return toRecord(entity, row, sources);
    await checkPlanLimit({ ...ctx, db }, "records", 1);
    const actorId = actorUserId(ctx.actor);
    const restored = await setRecordDeletedAt(db, entity, ctx.workspaceId, id, null, actorId).catch(
      (error: unknown) => {
        throw uniqueConflict(entity, error);
      },
    );
    if (!restored) throw notFound(entity.label);
    if (entity.name === "company") await linkContactsToCompany(ctx, db, restored);
    await insertActivity(db, {
      workspaceId: ctx.workspaceId,
      entity: entity.name,
      recordId: id,
      actorId,
      source: activitySource(ctx.actor),
      action: "restore",
      changes: [{ field: "deletedAt", old: row.deleted_at.toISOString(), new: null }],
    });
    return toRecord(entity, restored, sources);
  });
}
