import type { Database } from "@quarry/db/client";
import { sql } from "kysely";
import type { EntityDef } from "../schemas/entities.ts";

/**
 * Holds a transaction-scoped advisory lock on one unique value (a contact's email, a company's
 * domain) in one workspace, so concurrent upserts of the same value run one after the other.
 */
export async function lockUniqueValue(
  db: Database,
  entity: EntityDef,
  workspaceId: string,
  value: string,
): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`${entity.table}:${workspaceId}:${value}`}, 0))`.execute(
    db,
  );
}

/** The id of the live record holding this unique value (email or domain), if any. */
export async function findLiveIdByUniqueValue(
  db: Database,
  entity: EntityDef,
  workspaceId: string,
  value: string,
): Promise<string | undefined> {
  const { rows } = await sql<{ id: string }>`
    select id from ${sql.table(entity.table)}
    where workspace_id = ${workspaceId} and ${sql.ref(entity.unique.field)} = ${value} and deleted_at is null`.execute(
    db,
  );
  return rows[0]?.id;
}
