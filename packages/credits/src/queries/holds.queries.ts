import type { Database } from "@quarry/db/client";
import { sql } from "kysely";

/**
 * An entry of the workspace by id, with what is left of it if it is a hold: its amount less what
 * was captured or released against it (its `held` posting plus theirs). One statement, primary-key
 * and (workspace, hold) index look-ups only; undefined when the workspace has no such entry.
 */
export async function findHoldWithRemainder(db: Database, workspaceId: string, holdId: string) {
  return db
    .selectFrom("credit_transactions as t")
    .select([
      "t.id",
      "t.kind",
      "t.run_id",
      "t.memo",
      sql<number>`(select coalesce(sum(p.amount), 0)::int8 from credit_postings p
          where p.transaction_id = t.id and p.account = 'held')
        + (select coalesce(sum(p.amount), 0)::int8
             from credit_transactions c
             join credit_postings p on p.transaction_id = c.id and p.account = 'held'
            where c.workspace_id = t.workspace_id and c.hold_id = t.id)`.as("remainder"),
    ])
    .where("t.workspace_id", "=", workspaceId)
    .where("t.id", "=", holdId)
    .executeTakeFirst();
}

export type HoldRow = NonNullable<Awaited<ReturnType<typeof findHoldWithRemainder>>>;
