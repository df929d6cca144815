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
  const own = sql.join(cols.map((c) => sql.ref(`t.${c}`)));
  return entity.linked ? sql`${own}, ${linkedRecord(entity.linked)} as linked_record` : own;
}

/** The live linked record (a contact's company) as one json object with its id and linked fields; null without one. */
function linkedRecord(linked: NonNullable<EntityDef["linked"]>): RawBuilder<unknown> {
  const pairs = ["id", ...linked.names].map((c) => sql`${sql.lit(c)}, ${sql.ref(`l.${c}`)}`);
  return sql`(select json_build_object(${sql.join(pairs)}) from ${sql.table(linked.table)} as l
    where l.id = ${sql.ref(`t.${linked.field}`)} and l.workspace_id = t.workspace_id and l.deleted_at is null)`;
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

/**
 * Locks these records (live or deleted) for the rest of the transaction, in id order so two
 * transactions locking overlapping sets never deadlock. Ids not in the workspace are absent.
 */
export async function lockRecords(
  db: Database,
  entity: EntityDef,
  workspaceId: string,
  ids: readonly string[],
): Promise<RecordRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<RecordRow>`
    select ${recordColumns(entity)} from ${sql.table(entity.table)} as t
    where t.workspace_id = ${workspaceId} and t.id = any(cast(${[...ids]} as uuid[]))
    order by t.id
    for update`.execute(db);
  return rows;
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

export interface RecordColumnValues {
  id: string;
  /** Column → new value; columns absent here keep their value. */
  values: Record<string, unknown>;
}

/**
 * Writes enriched values: different columns on many records in one statement. The values travel as
 * one JSON parameter that jsonb_populate_record turns into the table's row type, so PostgreSQL casts
 * each value to its column's type (integer, bigint, text[], jsonb …); a column a record's values do
 * not name keeps its value. The records keep `updated_at` and `updated_by` (when a person, an
 * import or the API last edited them): '-infinity' tells the row trigger to keep it
 * (db/migrations/0017), so a write that changes no indexed column is a HOT update.
 */
export async function updateEnrichedColumns(
  db: Database,
  entity: EntityDef,
  workspaceId: string,
  records: readonly RecordColumnValues[],
): Promise<void> {
  const columns = [...new Set(records.flatMap((r) => Object.keys(r.values)))];
  if (columns.length === 0) return;
  const unknown = columns.find((c) => c !== "custom" && !(c in entity.fields));
  if (unknown) throw new Error(`${unknown} is not a column of ${entity.table}`);
  const docs = records.map((r) => ({ ...r.values, id: r.id }));
  const sets = [
    ...columns.map(
      (c) =>
        sql`${sql.ref(c)} = case when v.doc ? ${c} then ${sql.ref(`r.${c}`)} else ${sql.ref(`t.${c}`)} end`,
    ),
    sql`updated_at = '-infinity'`,
  ];
  await sql`
    update ${sql.table(entity.table)} as t set ${sql.join(sets)}
    from jsonb_array_elements(cast(${JSON.stringify(docs)} as jsonb)) as v(doc)
      cross join lateral jsonb_populate_record(null::${sql.table(entity.table)}, v.doc) as r
    where t.workspace_id = ${workspaceId} and t.id = r.id`.execute(db);
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
