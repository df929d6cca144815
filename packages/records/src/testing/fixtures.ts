import { AppError } from "@quarry/core/app-error";
import { createDb, type Database } from "@quarry/db/client";
import type { TestDatabase } from "@quarry/db/testing/test-database";
import { createCallerFactory, fieldErrors, router } from "@quarry/trpc/init";
import { type TestContextOptions, testContext } from "@quarry/trpc/testing/test-context";
import { insertTestUser, type TestUser } from "@quarry/trpc/testing/test-users";
import { workspaceAccess } from "@quarry/workspaces/services/access";
import { sql } from "kysely";
import { expect, inject } from "vitest";
import { ZodError } from "zod";
import { recordsRouter } from "../router.ts";

/**
 * Calls records procedures through tRPC exactly as the app router mounts them (`records.*`:
 * workspace membership, permission, input and output validation), minus HTTP. packages/api's
 * testCaller cannot be imported here: @quarry/api depends on @quarry/records.
 */
const createCaller = createCallerFactory(router({ records: recordsRouter }));

export function testCaller(db: Database, opts: TestContextOptions = {}) {
  return createCaller(testContext(db, { ...opts, access: workspaceAccess }));
}

export type Caller = ReturnType<typeof testCaller>;
export type Role = "owner" | "admin" | "member" | "viewer" | "billing_admin";

export interface Member extends TestUser {
  caller: Caller;
  workspaceId: string;
}

/** A workspace row, set up directly (the workspaces package owns the real flow). */
export async function insertWorkspace(db: Database, name = "Acme"): Promise<string> {
  const row = await db.insertInto("workspaces").values({ name }).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

/** A new user holding `role` in the workspace, with a caller acting as them. */
export async function memberOf(db: Database, workspaceId: string, role: Role = "member"): Promise<Member> {
  const u = await insertTestUser(db);
  await db
    .insertInto("memberships")
    .values({ workspace_id: workspaceId, user_id: u.user.id, role })
    .execute();
  return { ...u, workspaceId, caller: testCaller(db, u) };
}

/** A fresh workspace and a member (by default an admin, who may also manage fields). */
export async function newWorkspace(db: Database, role: Role = "admin"): Promise<Member> {
  return memberOf(db, await insertWorkspace(db), role);
}

/** The tRPC code and field → message of a failed call, the way the web app sees them. */
export async function failure(
  call: Promise<unknown>,
): Promise<{ code: string; fields: Record<string, string> }> {
  try {
    await call;
  } catch (error) {
    const { code, cause } = error as { code?: unknown; cause?: unknown };
    if (typeof code !== "string") throw error;
    const fields =
      cause instanceof ZodError
        ? fieldErrors(cause)
        : cause instanceof AppError && cause.field
          ? { [cause.field]: cause.message }
          : {};
    return { code, fields };
  }
  throw new Error("expected the call to fail, but it succeeded");
}

/** Asserts a call fails with `code`, naming `field` when given. */
export async function expectFailure(call: Promise<unknown>, code: string, field?: string): Promise<string> {
  const f = await failure(call);
  expect(f.code).toBe(code);
  if (field) expect(Object.keys(f.fields)).toContain(field);
  return field ? (f.fields[field] ?? "") : "";
}

/** Activity rows of a record, oldest first, straight from the table. */
export async function activityRows(db: Database, recordId: string) {
  return db
    .selectFrom("record_activity")
    .select(["action", "source", "actor_id", "changes"])
    .where("record_id", "=", recordId)
    .orderBy("created_at")
    .execute();
}

/**
 * Drops the test database once the pool's sockets are really closed: `drop … with (force)`
 * killing a closing connection would otherwise surface as an unhandled pool error.
 */
export async function dropTestDatabase(t: TestDatabase): Promise<void> {
  await t.db.destroy();
  const admin = createDb(inject("pgAdminUrl"), { max: 1 });
  try {
    for (let i = 0; i < 50; i++) {
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from pg_stat_activity where datname = ${t.name}`.execute(admin);
      if (!rows[0]?.n) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await admin.destroy();
  }
  await t.drop();
}
