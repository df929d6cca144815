import type { Database } from "@quarry/db/client";
import { type Expression, type RawBuilder, sql } from "kysely";

/** How many of a user's memberships travel with the session lookup (see rolesOfUser). */
export const ROLES_WITH_SESSION = 200;

export async function findRole(db: Database, workspaceId: string, userId: string): Promise<string | null> {
  const row = await db
    .selectFrom("memberships")
    .select("role")
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return row?.role ?? null;
}

/**
 * The user's roles as { workspace id: role }, at most ROLES_WITH_SESSION of them (null: none): a
 * column for the session lookup, so a request reads its session and its memberships in one
 * statement. `userId` is the outer query's user id column.
 */
export function rolesOfUser(userId: Expression<string>): RawBuilder<Record<string, string> | null> {
  return sql<Record<string, string> | null>`(
    select json_object_agg(m.workspace_id, m.role)
    from (select workspace_id, role from memberships where user_id = ${userId} limit ${ROLES_WITH_SESSION}) as m
  )`;
}

/** Adds a member; returns undefined when the user already belongs to the workspace. */
export async function insertMembership(db: Database, workspaceId: string, userId: string, role: string) {
  return db
    .insertInto("memberships")
    .values({ workspace_id: workspaceId, user_id: userId, role })
    .onConflict((oc) => oc.columns(["workspace_id", "user_id"]).doNothing())
    .returning(["user_id", "role"])
    .executeTakeFirst();
}

export async function listMembers(db: Database, workspaceId: string) {
  return db
    .selectFrom("memberships as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["m.user_id", "u.email", "u.name", "m.role", "m.created_at"])
    .where("m.workspace_id", "=", workspaceId)
    .orderBy("m.created_at")
    .orderBy("m.user_id")
    .execute();
}

/** Whether someone with this email address (lower case) is already a member. */
export async function isMemberByEmail(db: Database, workspaceId: string, email: string): Promise<boolean> {
  const row = await db
    .selectFrom("memberships as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select("m.id")
    .where("m.workspace_id", "=", workspaceId)
    .where("u.email", "=", email)
    .executeTakeFirst();
  return row !== undefined;
}

export async function countOwners(db: Database, workspaceId: string): Promise<number> {
  const row = await db
    .selectFrom("memberships")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("workspace_id", "=", workspaceId)
    .where("role", "=", "owner")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function updateMemberRole(db: Database, workspaceId: string, userId: string, role: string) {
  await db
    .updateTable("memberships")
    .set({ role })
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "=", userId)
    .execute();
}

export async function deleteMembership(db: Database, workspaceId: string, userId: string) {
  await db
    .deleteFrom("memberships")
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "=", userId)
    .execute();
}
