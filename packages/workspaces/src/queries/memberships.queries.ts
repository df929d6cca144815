import type { Database } from "@quarry/db/client";

export async function findRole(db: Database, workspaceId: string, userId: string): Promise<string | null> {
  const row = await db
    .selectFrom("memberships")
    .select("role")
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row?.role ?? null;
}
