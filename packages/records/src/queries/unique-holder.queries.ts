import type { Database } from "@quarry/db/client";
import { sql } from "kysely";
import type { EntityDef } from "../schemas/entities.ts";

/** Which live records of the workspace hold these values of the entity's unique field (email / domain). */
export async function uniqueValueHolders(
  db: Database,
  entity: EntityDef,
  workspaceId: string,
  values: readonly string[],
): Promise<Array<{ id: string; value: string }>> {
  if (values.length === 0) return [];
  const { rows } = await sql<{ id: string; value: string }>`
    select id, ${sql.ref(entity.unique.field)} as value from ${sql.table(entity.table)}
    where workspace_id = ${workspaceId} and ${sql.ref(entity.unique.field)} = any(cast(${[...values]} as text[]))
      and deleted_at is null`.execute(db);
  return rows;
}
