import type { Database } from "@quarry/db/client";
import { sql } from "kysely";

/**
 * The workspace's available credits: its `credit_balances` row, which a trigger on credit_postings
 * keeps equal to the sum of its `available` postings (db/migrations/0009). One primary-key read
 * however long the ledger; no row yet means nothing was ever posted there: 0. Under the ledger lock
 * it is exact, as every entry that changes it takes that lock.
 */
export async function findAvailable(db: Database, workspaceId: string): Promise<number> {
  const row = await db
    .selectFrom("credit_balances")
    .select("balance")
    .where("workspace_id", "=", workspaceId)
    .where("account", "=", "available")
    .executeTakeFirst();
  return row?.balance ?? 0;
}

/**
 * Available (the row), held and spent (sums of postings, index-only) in one statement, so the three
 * come from one snapshot and a hold committing meanwhile shows on both sides or neither.
 */
export async function findBalance(db: Database, workspaceId: string) {
  const sumOf = (account: "held" | "spent") =>
    sql<number>`(select coalesce(sum(p.amount), 0)::int8 from credit_postings p
      where p.workspace_id = ${workspaceId} and p.account = ${account})`;
  return db
    .selectNoFrom([
      sql<number>`coalesce((select b.balance from credit_balances b
        where b.workspace_id = ${workspaceId} and b.account = 'available'), 0)::int8`.as("available"),
      sumOf("held").as("held"),
      sumOf("spent").as("spent"),
    ])
    .executeTakeFirstOrThrow();
}

/**
 * One run's credits, in one statement (one snapshot: a capture moving credits from held to spent
 * meanwhile counts once). Every entry of a run carries its id — holds, captures, releases,
 * refunds — so `spent` is its captures less their refunds and `held` what its holds still set
 * aside (held less what was captured or released against them).
 */
export async function runCredits(
  db: Database,
  workspaceId: string,
  runId: string,
): Promise<{ spent: number; held: number }> {
  const sumOf = (account: "spent" | "held") =>
    sql<number>`coalesce(sum(p.amount) filter (where p.account = ${account}), 0)::int8`;
  const row = await db
    .selectFrom("credit_postings as p")
    .innerJoin("credit_transactions as t", "t.id", "p.transaction_id")
    .select([sumOf("spent").as("spent"), sumOf("held").as("held")])
    .where("t.workspace_id", "=", workspaceId)
    .where("t.run_id", "=", runId)
    .where("p.account", "in", ["spent", "held"])
    .executeTakeFirst();
  return { spent: row?.spent ?? 0, held: row?.held ?? 0 };
}

/** Credits spent in the current calendar month (UTC), from `spent` postings: captures less refunds. */
export async function spentThisMonth(db: Database, workspaceId: string): Promise<number> {
  const row = await db
    .selectFrom("credit_postings")
    .select(sql<number>`coalesce(sum(amount), 0)::int8`.as("spent"))
    .where("workspace_id", "=", workspaceId)
    .where("account", "=", "spent")
    .where("created_at", ">=", sql<Date>`date_trunc('month', now() at time zone 'UTC') at time zone 'UTC'`)
    .executeTakeFirst();
  return row?.spent ?? 0;
}
