import type { Database } from "@quarry/db/client";
import { sql } from "kysely";

export async function findCreditSettings(db: Database, workspaceId: string) {
  return db
    .selectFrom("credit_settings")
    .select(["run_cap", "monthly_cap"])
    .where("workspace_id", "=", workspaceId)
    .executeTakeFirst();
}

/** Creates the workspace's settings row or changes the caps given (undefined leaves one as it is). */
export async function upsertCreditSettings(
  db: Database,
  workspaceId: string,
  caps: { runCap?: number | null; monthlyCap?: number | null },
) {
  const changes = {
    ...(caps.runCap !== undefined && { run_cap: caps.runCap }),
    ...(caps.monthlyCap !== undefined && { monthly_cap: caps.monthlyCap }),
  };
  return db
    .insertInto("credit_settings")
    .values({ workspace_id: workspaceId, ...changes })
    .onConflict((oc) => oc.column("workspace_id").doUpdateSet({ ...changes, updated_at: sql<Date>`now()` }))
    .returning(["run_cap", "monthly_cap"])
    .executeTakeFirstOrThrow();
}
