import type { Database } from "@quarry/db/client";

export async function insertWorkspace(db: Database, values: { name: string; createdBy: string }) {
  return db
    .insertInto("workspaces")
    .values({ name: values.name, created_by: values.createdBy })
    .returning(["id", "name"])
    .executeTakeFirstOrThrow();
}

export async function findWorkspace(db: Database, workspaceId: string) {
  return db.selectFrom("workspaces").select(["id", "name"]).where("id", "=", workspaceId).executeTakeFirst();
}

/**
 * Locks the workspace row for the rest of the transaction: membership changes of one workspace
 * run one at a time, so two owners demoting each other cannot leave it without an owner.
 */
export async function lockWorkspace(db: Database, workspaceId: string) {
  return db
    .selectFrom("workspaces")
    .select(["id", "name"])
    .where("id", "=", workspaceId)
    .forUpdate()
    .executeTakeFirst();
}

export async function updateWorkspaceName(db: Database, workspaceId: string, name: string) {
  return db
    .updateTable("workspaces")
    .set({ name })
    .where("id", "=", workspaceId)
    .returning(["id", "name"])
    .executeTakeFirst();
}

/** The workspaces a user belongs to, with their role in each. */
export async function listWorkspacesOfUser(db: Database, userId: string) {
  return db
    .selectFrom("memberships as m")
    .innerJoin("workspaces as w", "w.id", "m.workspace_id")
    .select(["w.id", "w.name", "m.role"])
    .where("m.user_id", "=", userId)
    .orderBy("w.name")
    .orderBy("w.id")
    .execute();
}
