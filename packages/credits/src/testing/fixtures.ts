import { systemClock } from "@quarry/core/clock";
import { silentLogger } from "@quarry/core/logger";
import { type Actor, systemActor } from "@quarry/core/service-context";
import type { Database } from "@quarry/db/client";
import type { ServiceCtx } from "@quarry/db/service-context";
import { createCallerFactory, router } from "@quarry/trpc/init";
import { type TestContextOptions, testContext } from "@quarry/trpc/testing/test-context";
import { insertTestUser, type TestUser } from "@quarry/trpc/testing/test-users";
import type { Role } from "@quarry/workspaces/permissions";
import { workspaceAccess } from "@quarry/workspaces/services/access";
import { sql } from "kysely";
import { creditsRouter } from "../router.ts";
import { grantCredits } from "../services/grant-credits.ts";

/**
 * Calls credits procedures exactly as the app router mounts them (`credits.*`), minus HTTP.
 * packages/api's caller cannot be imported here: @quarry/api depends on @quarry/credits.
 */
const createCaller = createCallerFactory(router({ credits: creditsRouter }));

export function testCaller(db: Database, opts: Omit<TestContextOptions, "access"> = {}) {
  return createCaller(testContext(db, { ...opts, access: workspaceAccess }));
}

export type Caller = ReturnType<typeof testCaller>;

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
export async function memberOf(db: Database, workspaceId: string, role: Role): Promise<Member> {
  const u = await insertTestUser(db);
  await db
    .insertInto("memberships")
    .values({ workspace_id: workspaceId, user_id: u.user.id, role })
    .execute();
  return { ...u, workspaceId, caller: testCaller(db, u) };
}

/** The context a test calls the ledger services with: the system acting in `workspaceId` unless told. */
export function ledgerCtx(db: Database, workspaceId: string, actor: Actor = systemActor("test")): ServiceCtx {
  return { db, workspaceId, actor, log: silentLogger, clock: systemClock };
}

let seq = 0;
/** A fresh workspace holding `credits` available credits (granted through the ledger). */
export async function workspaceWithCredits(db: Database, credits: number): Promise<string> {
  const workspaceId = await insertWorkspace(db, `Credits ${++seq}`);
  if (credits > 0) {
    await grantCredits(ledgerCtx(db, workspaceId), {
      amount: credits,
      kind: "grant",
      idempotencyKey: `seed:${workspaceId}`,
      memo: "Test credits",
    });
  }
  return workspaceId;
}

/** Per transaction of the workspace: its kind, how many postings it has and what they sum to. */
export async function transactionSums(db: Database, workspaceId: string) {
  const { rows } = await sql<{ id: string; kind: string; postings: number; total: number }>`
    select t.id, t.kind, count(p.*)::int as postings, coalesce(sum(p.amount), 0)::int8 as total
    from credit_transactions t left join credit_postings p on p.transaction_id = t.id
    where t.workspace_id = ${workspaceId}
    group by t.id, t.kind`.execute(db);
  return rows;
}
