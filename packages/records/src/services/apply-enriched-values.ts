import { withTx } from "@quarry/db/with-tx";
import { insertActivity } from "../queries/activity.queries.ts";
import { upsertFieldSources } from "../queries/field-sources.queries.ts";
import { findRecord, updateRecordColumns } from "../queries/records.queries.ts";
import { uniqueValueTaken } from "../queries/unique-holder.queries.ts";
import type { FieldChange } from "../schemas/activity.ts";
import type { EntityDef } from "../schemas/entities.ts";
import type { Verification } from "../schemas/field-sources.ts";
import type { RecordsContext } from "./context.ts";
import { loadFieldSources } from "./record-sources.ts";
import { sameValue } from "./record-values.ts";

/** One value an enrichment provider found for a field of a record. */
export interface EnrichedFieldValue {
  field: string;
  value: unknown;
  provider: string;
  confidence: number;
  verification: Verification;
  fetchedAt: Date;
  sandbox: boolean;
}

export interface ApplyResult {
  /** Fields now holding the enriched value (with provenance), changed or confirmed. */
  applied: string[];
  skipped: Array<{ field: string; reason: string }>;
}

function filled(value: unknown): boolean {
  if (value === null || value === undefined || value === "") return false;
  return !(Array.isArray(value) && value.length === 0);
}

/**
 * Writes enriched values, their provenance and one activity row (source "enrichment", each
 * change naming its provider) in one transaction. A field a user typed (a value without
 * provenance) is never overwritten unless `overwrite`. Values are validated like any other
 * write; one that is invalid, or that another record already holds in the unique field
 * (email / domain), is skipped with the reason rather than failing the rest.
 */
export async function applyEnrichedValues(
  ctx: RecordsContext,
  entity: EntityDef,
  recordId: string,
  values: readonly EnrichedFieldValue[],
  opts: { overwrite: boolean; runId: string | null },
): Promise<ApplyResult> {
  return withTx(ctx.db, async (db) => {
    const result: ApplyResult = { applied: [], skipped: [] };
    const row = await findRecord(db, entity, ctx.workspaceId, recordId, { forUpdate: true });
    if (!row || row.deleted_at) {
      result.skipped = values.map((v) => ({ field: v.field, reason: "the record was deleted" }));
      return result;
    }
    const sources = (await loadFieldSources(db, ctx.workspaceId, [recordId])).get(recordId) ?? {};
    const columns: Record<string, unknown> = {};
    const changes: FieldChange[] = [];
    const accepted: EnrichedFieldValue[] = [];
    for (const v of values) {
      const spec = entity.fields[v.field];
      if (!spec || spec.kind === "uuid") {
        result.skipped.push({ field: v.field, reason: `${v.field} is not an enrichable field` });
        continue;
      }
      const parsed = spec.input.safeParse(v.value);
      if (!parsed.success || !filled(parsed.data)) {
        const why = parsed.success ? "is empty" : (parsed.error.issues[0]?.message ?? "is invalid");
        result.skipped.push({ field: v.field, reason: `the value ${why}` });
        continue;
      }
      const current = row[v.field];
      if (filled(current) && !sources[v.field] && !opts.overwrite) {
        result.skipped.push({ field: v.field, reason: "a user typed this value" });
        continue;
      }
      if (
        v.field === entity.unique.field &&
        (await uniqueValueTaken(db, entity, ctx.workspaceId, parsed.data, recordId))
      ) {
        result.skipped.push({ field: v.field, reason: `another ${entity.name} has this ${v.field}` });
        continue;
      }
      if (!sameValue(current, parsed.data)) {
        columns[v.field] = parsed.data;
        changes.push({ field: v.field, old: current ?? null, new: parsed.data, provider: v.provider });
      }
      accepted.push(v);
      result.applied.push(v.field);
    }
    if (changes.length > 0) {
      await updateRecordColumns(db, entity, ctx.workspaceId, recordId, columns, ctx.actor?.id ?? null);
      await insertActivity(db, {
        workspaceId: ctx.workspaceId,
        entity: entity.name,
        recordId,
        actorId: ctx.actor?.id ?? null,
        source: "enrichment",
        action: "update",
        changes,
      });
    }
    await upsertFieldSources(
      db,
      accepted.map((v) => ({
        workspaceId: ctx.workspaceId,
        entity: entity.name,
        recordId,
        field: v.field,
        provider: v.provider,
        confidence: Math.round(Math.min(100, Math.max(0, v.confidence))),
        verification: v.verification,
        fetchedAt: v.fetchedAt,
        runId: opts.runId,
        sandbox: v.sandbox,
      })),
    );
    return result;
  });
}
