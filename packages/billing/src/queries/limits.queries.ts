import type { LimitedResource } from "@quarry/core/plan-limits";
import type { Database } from "@quarry/db/client";
import { sql } from "kysely";

/**
 * Holds a transaction-scoped advisory lock on one workspace's count of one resource, so a count
 * and the insert after it run one transaction at a time at the limit.
 */
export async function lockLimitCount(
  db: Database,
  workspaceId: string,
  resource: LimitedResource,
): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`plan-limit:${resource}:${workspaceId}`}, 0))`.execute(
    db,
  );
}

/** The same lock if it is free now (true), without waiting for it (false). */
export async function tryLockLimitCount(
  db: Database,
  workspaceId: string,
  resource: LimitedResource,
): Promise<boolean> {
  const r = await sql<{ locked: boolean }>`
    select pg_try_advisory_xact_lock(hashtextextended(${`plan-limit:${resource}:${workspaceId}`}, 0)) as locked
  `.execute(db);
  return r.rows[0]?.locked === true;
}

/** Live contacts plus live companies (the trash does not count). */
async function countRecords(db: Database, workspaceId: string): Promise<number> {
  const row = await sql<{ n: string }>`
    select (select count(*) from contacts where workspace_id = ${workspaceId} and deleted_at is null)
         + (select count(*) from companies where workspace_id = ${workspaceId} and deleted_at is null) as n
  `.execute(db);
  return Number(row.rows[0]?.n ?? 0);
}

/** Members plus invitations still open (not accepted, revoked or expired). */
async function countSeats(db: Database, workspaceId: string, now: Date): Promise<number> {
  const row = await sql<{ n: string }>`
    select (select count(*) from memberships where workspace_id = ${workspaceId})
         + (select count(*) from invitations
             where workspace_id = ${workspaceId} and accepted_at is null and revoked_at is null
               and expires_at > ${now}) as n
  `.execute(db);
  return Number(row.rows[0]?.n ?? 0);
}

/** API keys not revoked. */
async function countApiKeys(db: Database, workspaceId: string): Promise<number> {
  const row = await db
    .selectFrom("workspace_api_keys")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("workspace_id", "=", workspaceId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** How many of this resource the workspace has now. */
export async function countLimited(
  db: Database,
  workspaceId: string,
  resource: LimitedResource,
  now: Date,
): Promise<number> {
  switch (resource) {
    case "records":
      return countRecords(db, workspaceId);
    case "seats":
      return countSeats(db, workspaceId, now);
    case "api_keys":
      return countApiKeys(db, workspaceId);
  }
}
