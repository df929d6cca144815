import type { Database } from "@quarry/db/client";
import { type RawBuilder, sql } from "kysely";
import type { EntityDef } from "../schemas/entities.ts";

/**
 * Contacts and companies share one set of queries, parameterised by the entity description.
 * Table and column names only ever come from that description; values are always parameters.
 */
export interface RecordRow {
  id: string;
  custom: Record<string, unknown>;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
  [column: string]: unknown;
}

export function recordColumns(entity: EntityDef): RawBuilder<unknown> {
  const cols = ["id", ...Object.keys(entity.fields), "custom", "created_at", "updated_at", "deleted_at"];
  return sql.join(cols.map((c) => sql.ref(`t.${c}`)));
}

function columnValue(column: string, value: unknown): RawBuilder<unknown> {
  return column === "custom" ? sql`cast(${JSON.stringify(value)} as jsonb)` : sql`${value}`;
}

export async function findRecord(
  db: Database,
  entity: EntityDef,
  workspaceId: string,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<RecordRow | undefined> {
  const { rows } = await sql<RecordRow>`
    select ${recordColumns(entity)} from ${sql.table(entity.table)} as t
    where t.workspace_id = ${workspaceId} and t.id = ${id}
    ${opts.forUpdate ? sql`for update` : sql``}`.execute(db);
  return rows[0];
}

/** Whether a live (not deleted) record with this id exists in the workspace. */
export async function liveRecordExists(
  db: Database,
  table: EntityDef["table"],
  workspaceId: string,
  id: string,
): Promise<boolean> {
  const { rows } = await sql<{ one: number }>`
    select 1 as one from ${sql.table(table)}
    where workspace_id = ${workspaceId} and id = ${id} and deleted_at is null`.execute(db);
  return rows.length > 0;
}

export async function insertRecord(
  db: Database,
  entity: EntityDef,
  workspaceId: string,
  values: Record<string, unknown>,
  actorId: string | null,
): Promise<RecordRow> {
  const entries = Object.entries(values);
  const columns = ["workspace_id", "created_by", "updated_by", ...entries.map(([c]) => c)];
  const params = [
    sql`${workspaceId}`,
    sql`${actorId}`,
    sql`${actorId}`,
    ...entries.map(([c, v]) => columnValue(c, v)),
  ];
  const { rows } = await sql<RecordRow>`
    insert into ${sql.table(entity.table)} as t (${sql.join(columns.map((c) => sql.ref(c)))})
    values (${sql.join(params)})
    returning ${recordColumns(entity)}`.execute(db);
  const row = rows[0];
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function updateRecordColumns(
  db: Database,
  entity: EntityDef,
  workspaceId: string,
  id: string,
  values: Record<string, unknown>,
  actorId: string | null,
): Promise<RecordRow | undefined> {
  const sets = [
    ...Object.entries(values).map(([c, v]) => sql`${sql.ref(c)} = ${columnValue(c, v)}`),
    sql`updated_by = ${actorId}`,
  ];
  const { rows } = await sql<RecordRow>`
    update ${sql.table(entity.table)} as t set ${sql.join(sets)}
    where t.workspace_id = ${workspaceId} and t.id = ${id}
    returning ${recordColumns(entity)}`.execute(db);
  return rows[0];
}

/** Soft delete (a date) or restore (null). */
export async function setRecordDeletedAt(
  db: Database,
  entity: EntityDef,
  workspaceId: string,
  id: string,
  deletedAt: Date | null,
  actorId: string | null,
): Promise<RecordRow | undefined> {
  const { rows } = await sql<RecordRow>`
    update ${sql.table(entity.table)} as t set deleted_at = ${deletedAt}, updated_by = ${actorId}
    where t.workspace_id = ${workspaceId} and t.id = ${id}
    returning ${recordColumns(entity)}`.execute(db);
  return rows[0];
}
