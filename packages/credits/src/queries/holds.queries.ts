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

/**
 * What already stands in the way of new charges, in one statement: the run's captures of any of
 * these records and fields (a superset of the exact pairs — the caller matches pairs), and any
 * entry holding one of these idempotency keys, whatever its kind. Two branches, each an index
 * probe per value (charge key, workspace key), written so no plan depends on statistics: on a
 * ledger that filled in the last minute (none yet) a join or an OR let the planner walk every
 * capture of the run for each call, under the hold's lock.
 */
export async function findChargesOrKeys(
  db: Database,
  workspaceId: string,
  q: { runId: string; recordIds: readonly string[]; fields: readonly string[]; keys: readonly string[] },
) {
  if (q.keys.length === 0 && q.recordIds.length === 0) return [];
  const { rows } = await sql<{
    kind: string;
    idempotency_key: string;
    run_id: string | null;
    record_id: string | null;
    field: string | null;
  }>`
    select t.kind, t.idempotency_key, t.run_id, t.record_id, t.field
      from unnest(${[...q.recordIds]}::uuid[]) as r(record_id)
      cross join unnest(${[...q.fields]}::text[]) as f(field)
      cross join lateral (
        select c.kind, c.idempotency_key, c.run_id, c.record_id, c.field from credit_transactions c
         where c.workspace_id = ${workspaceId} and c.kind = 'capture' and c.run_id = ${q.runId}
           and c.record_id = r.record_id and c.field = f.field
        offset 0 -- a fence: probed per value, never pulled up into a join
      ) t
    union
    select t.kind, t.idempotency_key, t.run_id, t.record_id, t.field
      from credit_transactions t
     where t.workspace_id = ${workspaceId} and t.idempotency_key = any(${[...q.keys]}::text[])`.execute(db);
  return rows;
}
