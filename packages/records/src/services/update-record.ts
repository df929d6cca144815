import { notFound } from "@quarry/core/app-error";
import { actorUserId } from "@quarry/core/service-context";
import type { Database } from "@quarry/db/client";
import type { ServiceCtx } from "@quarry/db/service-context";
import { withTx } from "@quarry/db/with-tx";
import { insertActivity } from "../queries/activity.queries.ts";
import { deleteFieldSources } from "../queries/field-sources.queries.ts";
import { findRecord, updateRecordColumns } from "../queries/records.queries.ts";
import type { EntityDef } from "../schemas/entities.ts";
import type { FieldMap } from "../schemas/field-types.ts";
import type { RecordOf } from "../schemas/record-schemas.ts";
import { activitySource } from "./activity-source.ts";
import { loadCustomFields } from "./custom-field-defs.ts";
import { checkCustomValues } from "./custom-values.ts";
import { companyIdFor, linkContactsToCompany } from "./link-companies.ts";
import { linkDomainOf } from "./link-domain.ts";
import { loadFieldSources } from "./record-sources.ts";
import {
  checkIdentity,
  checkLinks,
  diffValues,
  givenColumns,
  parseRecordData,
  rowValues,
  toRecord,
  uniqueConflict,
} from "./record-values.ts";

/**
 * Applies a partial update (null clears a field, a null custom value removes the key). Writes
 * one "update" activity row listing only the fields that really changed; no change, no write.
 * Fields changed by anyone but enrichment lose their provenance: they count as typed by a user.
 * A contact whose link domain changes (company_domain, or the email it falls back to) moves to
 * that domain's company unless `company_id` is given; a company whose domain changes takes the
 * unlinked contacts of its new domain.
 */
export async function updateRecord<F extends FieldMap>(
  ctx: ServiceCtx,
  entity: EntityDef<F>,
  id: string,
  rawData: unknown,
): Promise<RecordOf<F>> {
  const data = parseRecordData(entity, rawData);
  return withTx(ctx.db, async (db) => {
    const row = await findRecord(db, entity, ctx.workspaceId, id, { forUpdate: true });
    if (!row || row.deleted_at) throw notFound(entity.label);
    const defs = data.custom ? await loadCustomFields(db, ctx.workspaceId, entity.name) : [];
    const customIn = checkCustomValues(defs, data.custom ?? {}, entity.label);
    const given = givenColumns(entity, data);
    if (entity.name === "contact") await relinkOnDomainChange(ctx, db, rowValues(entity, row), given);
    const columnChanges = diffValues(rowValues(entity, row), given);
    const customChanges = diffValues(row.custom, customIn, "custom.");
    const sources = (await loadFieldSources(db, ctx.workspaceId, [id])).get(id) ?? {};
    if (columnChanges.length === 0 && customChanges.length === 0) return toRecord(entity, row, sources);

    const columns = Object.fromEntries(columnChanges.map((c) => [c.field, c.new]));
    await checkLinks(db, entity, ctx.workspaceId, columns);
    checkIdentity(entity, { ...rowValues(entity, row), ...columns });
    if (customChanges.length > 0) {
      const custom: Record<string, unknown> = { ...row.custom };
      for (const [key, value] of Object.entries(customIn)) {
        if (value === null) delete custom[key];
        else custom[key] = value;
      }
      columns.custom = custom;
    }
    const actorId = actorUserId(ctx.actor);
    const updated = await updateRecordColumns(db, entity, ctx.workspaceId, id, columns, actorId).catch(
      (error: unknown) => {
        throw uniqueConflict(entity, error);
      },
    );
    if (!updated) throw notFound(entity.label);
    if (entity.name === "company" && "domain" in columns) await linkContactsToCompany(ctx, db, updated);
    await insertActivity(db, {
      workspaceId: ctx.workspaceId,
      entity: entity.name,
      recordId: id,
      actorId,
      source: activitySource(ctx.actor),
      action: "update",
      changes: [...columnChanges, ...customChanges],
    });
    // A field someone writes outside enrichment is theirs from now on: its provenance goes.
    const typed = columnChanges.map((c) => c.field).filter((field) => sources[field]);
    if (activitySource(ctx.actor) !== "enrichment") {
      await deleteFieldSources(db, ctx.workspaceId, id, typed);
      for (const field of typed) delete sources[field];
    }
    return toRecord(entity, updated, sources);
  });
}

/** Adds `company_id` to a contact's changes when its link domain changes and no company_id was given. */
async function relinkOnDomainChange(
  ctx: ServiceCtx,
  db: Database,
  before: Record<string, unknown>,
  given: Record<string, unknown>,
): Promise<void> {
  if ("company_id" in given || !("email" in given || "company_domain" in given)) return;
  const after = { ...before, ...given };
  const domain = linkDomainOf(after);
  if (domain === linkDomainOf(before)) return;
  given.company_id = domain ? await companyIdFor(ctx, db, after) : null;
}
