import type { Database } from "@quarry/db/client";
import { sql } from "kysely";
import type { EntityName } from "../schemas/entities.ts";
import type { Verification } from "../schemas/field-sources.ts";

export interface FieldSourceRow {
  record_id: string;
  field: string;
  provider: string;
  confidence: number;
  verification: string;
  fetched_at: Date;
  sandbox: boolean;
}

export interface NewFieldSource {
  workspaceId: string;
  entity: EntityName;
  recordId: string;
  field: string;
  provider: string;
  confidence: number;
  verification: Verification;
  fetchedAt: Date;
  runId: string | null;
  sandbox: boolean;
}

/**
 * Provenance rows of these records (enriched fields only): one index probe per record, behind an
 * offset-0 fence so the plan never depends on statistics (a table filled in the last minute has
 * none, and an `in (…)` of 50 ids was then planned as a scan of every row).
 */
export async function listFieldSources(
  db: Database,
  workspaceId: string,
  recordIds: readonly string[],
): Promise<FieldSourceRow[]> {
  if (recordIds.length === 0) return [];
  const { rows } = await sql<FieldSourceRow>`
    select s.record_id, s.field, s.provider, s.confidence, s.verification, s.fetched_at, s.sandbox
      from unnest(${[...new Set(recordIds)]}::uuid[]) as r(id)
      cross join lateral (
        select f.record_id, f.field, f.provider, f.confidence, f.verification, f.fetched_at, f.sandbox
          from record_field_sources f
         where f.workspace_id = ${workspaceId} and f.record_id = r.id
        offset 0
      ) s`.execute(db);
  return rows;
}

export async function upsertFieldSources(db: Database, rows: readonly NewFieldSource[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto("record_field_sources")
    .values(
      rows.map((r) => ({
        workspace_id: r.workspaceId,
        entity: r.entity,
        record_id: r.recordId,
        field: r.field,
        provider: r.provider,
        confidence: r.confidence,
        verification: r.verification,
        fetched_at: r.fetchedAt,
        run_id: r.runId,
        sandbox: r.sandbox,
      })),
    )
    .onConflict((oc) =>
      oc.columns(["record_id", "field"]).doUpdateSet((eb) => ({
        provider: eb.ref("excluded.provider"),
        confidence: eb.ref("excluded.confidence"),
        verification: eb.ref("excluded.verification"),
        fetched_at: eb.ref("excluded.fetched_at"),
        run_id: eb.ref("excluded.run_id"),
        sandbox: eb.ref("excluded.sandbox"),
      })),
    )
    .execute();
}

/** A person (or import, or the API) wrote these fields: they are user values from now on. */
export async function deleteFieldSources(
  db: Database,
  workspaceId: string,
  recordId: string,
  fields: readonly string[],
): Promise<void> {
  if (fields.length === 0) return;
  await db
    .deleteFrom("record_field_sources")
    .where("workspace_id", "=", workspaceId)
    .where("record_id", "=", recordId)
    .where("field", "in", [...fields])
    .execute();
}
