import type { Database } from "@quarry/db/client";
import { sql } from "kysely";
import type { EntityDef } from "../schemas/entities.ts";
import { type RecordRow, recordColumns } from "./records.queries.ts";

/** The live records of the workspace among these ids (others' and deleted ones are left out). */
export async function findLiveRecords(
  db: Database,
  entity: EntityDef,
  workspaceId: string,
  ids: readonly string[],
): Promise<RecordRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<RecordRow>`
    select ${recordColumns(entity)} from ${sql.table(entity.table)} as t
    where t.workspace_id = ${workspaceId} and t.id = any(${[...ids]}::uuid[]) and t.deleted_at is null
    order by t.id`.execute(db);
  return rows;
}
