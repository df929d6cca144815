import { checkPlanLimit } from "@quarry/core/plan-limits";
import { actorUserId } from "@quarry/core/service-context";
import type { ServiceCtx } from "@quarry/db/service-context";
import { withTx } from "@quarry/db/with-tx";
import { insertActivity } from "../queries/activity.queries.ts";
import { insertRecord } from "../queries/records.queries.ts";
import type { EntityDef } from "../schemas/entities.ts";
import type { FieldMap } from "../schemas/field-types.ts";
import type { RecordOf } from "../schemas/record-schemas.ts";
import { activitySource } from "./activity-source.ts";
import { loadCustomFields } from "./custom-field-defs.ts";
import { checkCustomValues } from "./custom-values.ts";
import { companyIdFor, linkContactsToCompany } from "./link-companies.ts";
import {
  checkIdentity,
  checkLinks,
  diffValues,
  givenColumns,
  parseRecordData,
  toRecord,
  uniqueConflict,
} from "./record-values.ts";

/**
 * Creates a contact or company and its "create" activity row in one transaction. A contact links
 * to the company of its domain (created when missing, if the workspace allows it) unless
 * `company_id` is given; a company with a domain takes the unlinked contacts of that domain.
 * Refused (FORBIDDEN, naming the plan's limit) when the workspace is at its records limit; the
 * company a contact would create is skipped when only the contact fits.
 */
export async function createRecord<F extends FieldMap>(
  ctx: ServiceCtx,
  entity: EntityDef<F>,
  rawData: unknown,
): Promise<RecordOf<F>> {
  const data = parseRecordData(entity, rawData);
  return withTx(ctx.db, async (db) => {
    await checkPlanLimit({ ...ctx, db }, "records", 1);
    const defs = await loadCustomFields(db, ctx.workspaceId, entity.name);
    const custom = Object.fromEntries(
      Object.entries(checkCustomValues(defs, data.custom ?? {}, entity.label)).filter(([, v]) => v !== null),
    );
    const columns = givenColumns(entity, data);
    await checkLinks(db, entity, ctx.workspaceId, columns);
    checkIdentity(entity, columns);
    if (entity.name === "contact" && columns.company_id === undefined) {
      const companyId = await companyIdFor(ctx, db, columns, { reserved: 1 });
      if (companyId) columns.company_id = companyId;
    }
    const actorId = actorUserId(ctx.actor);
    const row = await insertRecord(db, entity, ctx.workspaceId, { ...columns, custom }, actorId).catch(
      (error: unknown) => {
        throw uniqueConflict(entity, error);
      },
    );
    if (entity.name === "company") await linkContactsToCompany(ctx, db, row);
    const changes = [
      ...diffValues({}, columns).filter((c) => !(Array.isArray(c.new) && c.new.length === 0)),
      ...diffValues({}, custom, "custom."),
    ];
    await insertActivity(db, {
      workspaceId: ctx.workspaceId,
      entity: entity.name,
      recordId: row.id,
      actorId,
      source: activitySource(ctx.actor),
      action: "create",
      changes,
    });
    return toRecord(entity, row);
  });
}
