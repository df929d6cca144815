import type { Database } from "@quarry/db/client";
import { sql } from "kysely";

/** What already stands in the way of a new charge: a charge of the value, or an entry holding its key. */
export interface TakenRow {
  /** `capture` for a charge; otherwise the kind of the ledger entry holding the key. */
  kind: string;
  idempotency_key: string;
  run_id: string | null;
  record_id: string | null;
  field: string | null;
}

/**
 * What already stands in the way of new charges, in one statement: the run's charges of these exact
 * (record, field) pairs, any charge holding one of these idempotency keys, and any ledger entry
 * holding one of them, whatever its kind. Each branch is an index probe per value (charge key,
 * charge idempotency key, workspace key), fenced so no plan depends on statistics: on a ledger that
 * filled in the last minute (none yet) a join or an OR let the planner walk every charge of the run
 * for each call, under the hold's lock.
 */
export async function findChargesOrKeys(
  db: Database,
  workspaceId: string,
  q: { runId: string; pairs: ReadonlyArray<{ recordId: string; field: string }>; keys: readonly string[] },
): Promise<TakenRow[]> {
  if (q.keys.length === 0 && q.pairs.length === 0) return [];
  const { rows } = await sql<TakenRow>`
    select 'capture' as kind, c.idempotency_key, c.run_id, c.record_id, c.field
      from unnest(${q.pairs.map((p) => p.recordId)}::uuid[], ${q.pairs.map((p) => p.field)}::text[])
        as v(record_id, field)
      cross join lateral (
        select c.idempotency_key, c.run_id, c.record_id, c.field from credit_charges c
         where c.workspace_id = ${workspaceId} and c.run_id = ${q.runId}
           and c.record_id = v.record_id and c.field = v.field
        offset 0 -- a fence: probed per value, never pulled up into a join
      ) c
    union all
    select 'capture' as kind, c.idempotency_key, c.run_id, c.record_id, c.field
      from unnest(${[...q.keys]}::text[]) as k(key)
      cross join lateral (
        select c.idempotency_key, c.run_id, c.record_id, c.field from credit_charges c
         where c.workspace_id = ${workspaceId} and c.idempotency_key = k.key
        offset 0
      ) c
    union all
    select t.kind, t.idempotency_key, t.run_id, t.record_id, t.field
      from unnest(${[...q.keys]}::text[]) as k(key)
      cross join lateral (
        select t.kind, t.idempotency_key, t.run_id, t.record_id, t.field from credit_transactions t
         where t.workspace_id = ${workspaceId} and t.idempotency_key = k.key
        offset 0
      ) t`.execute(db);
  return rows;
}

export interface NewCapture {
  /** The capture transaction's id (chosen by the caller: its charges name it). */
  id: string;
  workspaceId: string;
  holdId: string;
  runId: string;
  provider: string;
  memo: string;
  /** In the order to write them (concurrent writers use one order, so they wait instead of deadlocking). */
  charges: ReadonlyArray<{ recordId: string; field: string; amount: number; key: string }>;
}

/**
 * One capture for a provider call, in one statement: its charges (one row per value; a value or key
 * already charged — also by a concurrent writer, once it commits — is skipped), then, when any
 * was written, the capture transaction and its two postings (held −, spent +) for what they add up
 * to. Returns the idempotency keys of the charges written.
 */
export async function insertCapture(db: Database, c: NewCapture): Promise<string[]> {
  if (c.charges.length === 0) return [];
  const { rows } = await sql<{ key: string }>`
    with charged as (
      insert into credit_charges (workspace_id, run_id, record_id, field, capture_id, amount, idempotency_key)
      select ${c.workspaceId}::uuid, ${c.runId}::uuid, v.record_id, v.field, ${c.id}::uuid, v.amount, v.key
        from unnest(
          ${c.charges.map((x) => x.recordId)}::uuid[], ${c.charges.map((x) => x.field)}::text[],
          ${c.charges.map((x) => x.amount)}::int8[], ${c.charges.map((x) => x.key)}::text[]
        ) with ordinality as v(record_id, field, amount, key, n)
       order by v.n
      on conflict do nothing
      returning amount, idempotency_key
    ), total as (
      select sum(amount)::int8 as amount from charged
    ), capture as (
      insert into credit_transactions (id, workspace_id, kind, idempotency_key, run_id, provider, hold_id, memo)
      select ${c.id}::uuid, ${c.workspaceId}::uuid, 'capture', ${`capture:${c.id}`}::text, ${c.runId}::uuid,
             ${c.provider}::text, ${c.holdId}::uuid, ${c.memo}::text
        from total where total.amount > 0
      returning id, created_at
    ), postings as (
      insert into credit_postings (transaction_id, workspace_id, account, amount, created_at)
      select capture.id, ${c.workspaceId}::uuid, a.account, a.sign * total.amount, capture.created_at
        from capture cross join total cross join (values ('held', -1), ('spent', 1)) as a(account, sign)
    )
    select idempotency_key as key from charged`.execute(db);
  return rows.map((r) => r.key);
}

/** The charge written under this idempotency key, with its capture's provider; undefined when none. */
export async function findChargeByKey(db: Database, workspaceId: string, idempotencyKey: string) {
  return db
    .selectFrom("credit_charges as c")
    .innerJoin("credit_transactions as t", (join) =>
      join.onRef("t.id", "=", "c.capture_id").onRef("t.workspace_id", "=", "c.workspace_id"),
    )
    .select(["c.capture_id", "c.run_id", "c.record_id", "c.field", "c.amount", "t.provider"])
    .where("c.workspace_id", "=", workspaceId)
    .where("c.idempotency_key", "=", idempotencyKey)
    .executeTakeFirst();
}
