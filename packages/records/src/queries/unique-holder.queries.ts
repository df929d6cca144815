import type { Database } from "@quarry/db/client";
import { sql } from "kysely";
import type { EntityDef } from "../schemas/entities.ts";

/** Whether another live record of the workspace already holds this value of the entity's unique field. */
export async function uniqueValueTaken(
  db: Database,
  entity: EntityDef,
  workspaceId: string,
  value: unknown,
  exceptId: string,
): Promise<boolean> {
  const { rows } = await sql<{ one: number }>`
    select 1 as one from ${sql.table(entity.table)}
    where workspace_id = ${workspaceId} and ${sql.ref(entity.unique.field)} = ${value}
      and id <> ${exceptId} and deleted_at is null
    limit 1`.execute(db);
  return rows.length > 0;
}
