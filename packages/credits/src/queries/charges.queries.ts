import type { Database } from "@quarry/db/client";
import { type RawBuilder, sql } from "kysely";

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
  const { rows } = await sql<TakenRow>`${taken(workspaceId, q.runId, q.pairs, q.keys)}`.execute(db);
  return rows;
}

/** The select of findChargesOrKeys, also used inside captureWhenClear. */
function taken(
  workspaceId: string,
  runId: string,
  pairs: ReadonlyArray<{ recordId: string; field: string }>,
  keys: readonly string[],
): RawBuilder<TakenRow> {
  return sql<TakenRow>`
    select 'capture' as kind, c.idempotency_key, c.run_id, c.record_id, c.field
      from unnest(${pairs.map((p) => p.recordId)}::uuid[], ${pairs.map((p) => p.field)}::text[])
        as v(record_id, field)
      cross join lateral (
        select c.idempotency_key, c.run_id, c.record_id, c.field from credit_charges c
         where c.workspace_id = ${workspaceId} and c.run_id = ${runId}
           and c.record_id = v.record_id and c.field = v.field
        offset 0 -- a fence: probed per value, never pulled up into a join
      ) c
    union all
    select 'capture' as kind, c.idempotency_key, c.run_id, c.record_id, c.field
      from unnest(${[...keys]}::text[]) as k(key)
      cross join lateral (
        select c.idempotency_key, c.run_id, c.record_id, c.field from credit_charges c
         where c.workspace_id = ${workspaceId} and c.idempotency_key = k.key
        offset 0
      ) c
    union all
    select t.kind, t.idempotency_key, t.run_id, t.record_id, t.field
      from unnest(${[...keys]}::text[]) as k(key)
      cross join lateral (
        select t.kind, t.idempotency_key, t.run_id, t.record_id, t.field from credit_transactions t
         where t.workspace_id = ${workspaceId} and t.idempotency_key = k.key
        offset 0
      ) t`;
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

/**
 * The common case of a capture in one statement (run with the hold locked): reads the hold, its
 * remainder and what already stands in the way of these charges, and — only when the hold is this
 * run's, no key belongs to another kind of entry, and the charges not made yet fit in the
 * remainder — writes them as insertCapture does. `clear` false means nothing was written and the
 * caller must look closer (refuse, or name the error); `written` are the keys of the charges
 * written, `fresh` how many of the charges were not made yet.
 */
export async function captureWhenClear(
  db: Database,
  c: Omit<NewCapture, "memo">,
): Promise<{ clear: boolean; fresh: number; written: string[] }> {
  const { rows } = await sql<{ clear: boolean; fresh: number; written: string[] | null }>`
    with hold as (
      select t.id, t.memo,
             (select coalesce(sum(p.amount), 0)::int8 from credit_postings p
               where p.transaction_id = t.id and p.account = 'held')
             + (select coalesce(sum(p.amount), 0)::int8
                  from credit_transactions x
                  join credit_postings p on p.transaction_id = x.id and p.account = 'held'
                 where x.workspace_id = t.workspace_id and x.hold_id = t.id) as remainder
        from credit_transactions t
       where t.workspace_id = ${c.workspaceId} and t.id = ${c.holdId} and t.kind = 'hold'
         and (t.run_id is null or t.run_id = ${c.runId})
    ), taken as (
      ${taken(
        c.workspaceId,
        c.runId,
        c.charges,
        c.charges.map((x) => x.key),
      )}
    ), fresh as (
      select v.record_id, v.field, v.amount, v.key, v.n
        from unnest(
          ${c.charges.map((x) => x.recordId)}::uuid[], ${c.charges.map((x) => x.field)}::text[],
          ${c.charges.map((x) => x.amount)}::int8[], ${c.charges.map((x) => x.key)}::text[]
        ) with ordinality as v(record_id, field, amount, key, n)
       where not exists (
         select from taken k
          where k.idempotency_key = v.key
             or (k.kind = 'capture' and k.run_id = ${c.runId}::uuid and k.record_id = v.record_id and k.field = v.field)
       )
    ), clear as (
      select exists (
        select from hold
         where not exists (select from taken k where k.kind <> 'capture')
           and (select coalesce(sum(f.amount), 0) from fresh f) <= hold.remainder
      ) as clear
    ), charged as (
      insert into credit_charges (workspace_id, run_id, record_id, field, capture_id, amount, idempotency_key)
      select ${c.workspaceId}::uuid, ${c.runId}::uuid, f.record_id, f.field, ${c.id}::uuid, f.amount, f.key
        from fresh f
       where f.amount > 0 and (select clear.clear from clear)
       order by f.n
      on conflict do nothing
      returning amount, idempotency_key
    ), total as (
      select sum(amount)::int8 as amount from charged
    ), capture as (
      insert into credit_transactions (id, workspace_id, kind, idempotency_key, run_id, provider, hold_id, memo)
      select ${c.id}::uuid, ${c.workspaceId}::uuid, 'capture', ${`capture:${c.id}`}::text, ${c.runId}::uuid,
             ${c.provider}::text, hold.id, hold.memo
        from total cross join hold where total.amount > 0
      returning id, created_at
    ), postings as (
      insert into credit_postings (transaction_id, workspace_id, account, amount, created_at)
      select capture.id, ${c.workspaceId}::uuid, a.account, a.sign * total.amount, capture.created_at
        from capture cross join total cross join (values ('held', -1), ('spent', 1)) as a(account, sign)
    )
    select (select clear.clear from clear) as clear,
           (select count(*)::int from fresh) as fresh,
           (select array_agg(charged.idempotency_key) from charged) as written`.execute(db);
  const row = rows[0];
  return { clear: row?.clear ?? false, fresh: row?.fresh ?? 0, written: row?.written ?? [] };
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
