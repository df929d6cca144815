import type { Database } from "@quarry/db/client";
import { sql } from "kysely";
import type { ActivitySource } from "../schemas/activity.ts";
import { type EntityName, tableOf } from "../schemas/entities.ts";

export interface CustomFieldRow {
  id: string;
  entity: string;
  key: string;
  label: string;
  type: string;
  options: unknown;
}

const columns = ["id", "entity", "key", "label", "type", "options"] as const;

export async function listCustomFieldRows(
  db: Database,
  workspaceId: string,
  entity?: EntityName,
): Promise<CustomFieldRow[]> {
  let q = db
    .selectFrom("custom_field_definitions")
    .select(columns)
    .where("workspace_id", "=", workspaceId)
    .orderBy("entity")
    .orderBy("created_at")
    .orderBy("id");
  if (entity) q = q.where("entity", "=", entity);
  return q.execute();
}

export async function findCustomFieldRow(
  db: Database,
  workspaceId: string,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<CustomFieldRow | undefined> {
  let q = db
    .selectFrom("custom_field_definitions")
    .select(columns)
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id);
  if (opts.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function insertCustomFieldRow(
  db: Database,
  workspaceId: string,
  f: { entity: EntityName; key: string; label: string; type: string; options: string[] },
): Promise<CustomFieldRow> {
  return db
    .insertInto("custom_field_definitions")
    .values({ workspace_id: workspaceId, ...f, options: JSON.stringify(f.options) })
    .returning(columns)
    .executeTakeFirstOrThrow();
}

export async function updateCustomFieldRow(
  db: Database,
  workspaceId: string,
  id: string,
  data: { label?: string; options?: string[] },
): Promise<CustomFieldRow | undefined> {
  return db
    .updateTable("custom_field_definitions")
    .set({
      ...(data.label !== undefined ? { label: data.label } : {}),
      ...(data.options !== undefined ? { options: JSON.stringify(data.options) } : {}),
    })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .returning(columns)
    .executeTakeFirst();
}

export async function deleteCustomFieldRow(db: Database, workspaceId: string, id: string): Promise<void> {
  await db
    .deleteFrom("custom_field_definitions")
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .execute();
}

/**
 * Removes a custom key from every record of the workspace that holds it, and writes one activity
 * row per changed record (old value → null) in the same statement.
 */
export async function removeCustomKey(
  db: Database,
  q: { workspaceId: string; entity: EntityName; key: string; actorId: string | null; source: ActivitySource },
): Promise<number> {
  const table = sql.table(tableOf[q.entity]);
  const { rows } = await sql<{ n: number }>`
    with holders as (
      select id, custom -> ${q.key} as old from ${table}
      where workspace_id = ${q.workspaceId} and custom ? ${q.key}
      for update
    ), changed as (
      update ${table} as t set custom = t.custom - ${q.key}, updated_by = ${q.actorId}
      from holders h where t.id = h.id
      returning t.id, h.old
    ), logged as (
      insert into record_activity (workspace_id, entity, record_id, actor_id, source, action, changes, created_at)
      select ${q.workspaceId}, ${q.entity}, id, ${q.actorId}, ${q.source}, 'update',
        jsonb_build_array(jsonb_build_object('field', ${`custom.${q.key}`}::text, 'old', old, 'new', null)),
        clock_timestamp()
      from changed
      returning 1
    )
    select count(*)::int as n from logged`.execute(db);
  return rows[0]?.n ?? 0;
}
