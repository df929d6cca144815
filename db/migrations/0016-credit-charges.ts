import { type Kysely, sql } from "kysely";

/**
 * One ledger transaction per provider call, and one lean row per value charged.
 *
 * Until now every value found was its own capture transaction with two postings (held −, spent +):
 * three ledger rows, eleven index entries, two foreign-key checks and three commit-time checks per
 * value. A capture is now one transaction per call (per captureCharges) with its two postings, and
 * `credit_charges` lists what it paid for: one row per (run, record, field), whose primary key is
 * the exactly-once key (it was `credit_transactions_charge_key`), with the idempotency key the value
 * was charged under (unique in the workspace, so a retry under the same key is a no-op).
 *
 * Balances do not change shape: they are still sums of postings (and `credit_balances`, the
 * available balance its trigger keeps, is untouched: captures never change what is available).
 * The charges are a breakdown of their capture, checked by the database:
 * - a charge is written in the statement that writes its capture and its postings: at the end of
 *   every insert into credit_charges, each capture named is a capture of the same workspace and
 *   run whose `spent` posting equals the sum of all its charges (one query per statement);
 * - at commit, a capture's `spent` posting equals the sum of its charges (the capture's own
 *   deferred check, which already runs once per transaction row);
 * - charges are append-only like the rest of the ledger; the workspace's cascade deletes them
 *   (through their capture).
 *
 * A refund gives back one charge: it names the capture (`capture_id`) and the value (`record_id`,
 * `field`); one refund per charge (the refund key now includes the value).
 *
 * Existing per-value captures become captures with one charge each (backfilled below), so a value
 * charged before this migration is still charged once.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table credit_charges (
      workspace_id uuid not null,
      run_id uuid not null,
      record_id uuid not null,
      field text not null,
      capture_id uuid not null,
      amount bigint not null check (amount > 0),
      idempotency_key text not null check (length(idempotency_key) between 1 and 200),
      -- Exactly once: one charge per (run, record, field).
      primary key (workspace_id, run_id, record_id, field),
      constraint credit_charges_workspace_key unique (workspace_id, idempotency_key),
      -- Checked on the capture row the same statement wrote (not on the workspace row, which every
      -- concurrent writer would lock); the workspace's cascade reaches charges through it.
      constraint credit_charges_capture_fk foreign key (capture_id, workspace_id)
        references credit_transactions (id, workspace_id) on delete cascade
    );
    create index credit_charges_capture_idx on credit_charges (capture_id);

    insert into credit_charges (workspace_id, run_id, record_id, field, capture_id, amount, idempotency_key)
      select t.workspace_id, t.run_id, t.record_id, t.field, t.id, p.amount, t.idempotency_key
        from credit_transactions t
        join credit_postings p on p.transaction_id = t.id and p.account = 'spent'
       where t.kind = 'capture' and t.run_id is not null and t.record_id is not null and t.field is not null;

    drop index credit_transactions_charge_key;
    drop index credit_transactions_refund_key;
    create unique index credit_transactions_refund_key
      on credit_transactions (capture_id, record_id, field) where kind = 'refund';
    -- A refund names the value it gives back.
    alter table credit_transactions add constraint credit_transactions_refund_value
      check (kind <> 'refund' or (record_id is not null and field is not null));

    create trigger credit_charges_append_only before update or delete on credit_charges
      for each row execute function credit_ledger_append_only();

    create function credit_charges_with_capture() returns trigger language plpgsql as $$
    declare
      bad uuid;
    begin
      select c.capture_id into bad
        from (select distinct n.capture_id, n.workspace_id, n.run_id from new_charges n) c
        left join credit_transactions t
          on t.id = c.capture_id and t.workspace_id = c.workspace_id and t.kind = 'capture'
         and t.run_id = c.run_id
       where t.id is null
          or coalesce((select sum(p.amount) from credit_postings p
                        where p.transaction_id = t.id and p.account = 'spent'), 0)
             <> (select sum(a.amount) from credit_charges a where a.capture_id = t.id)
       limit 1;
      if found then
        raise exception 'credit charges of capture % must be written with it (same workspace and run, summing to what it spends)', bad
          using errcode = 'check_violation';
      end if;
      return null;
    end $$;
    create trigger credit_charges_with_capture after insert on credit_charges
      referencing new table as new_charges
      for each statement execute function credit_charges_with_capture();
  `.execute(db);

  // The capture's check also compares its spent posting with its charges.
  await sql`
    create or replace function check_credit_transaction(tx uuid) returns void language plpgsql as $$
    declare
      k text;
      total numeric;
      shape text;
      spent numeric;
      charged numeric;
    begin
      select t.kind,
             coalesce(sum(p.amount), 0),
             coalesce(string_agg(p.account || case when p.amount > 0 then '+' else '-' end, ','
               order by p.account), ''),
             coalesce(sum(p.amount) filter (where p.account = 'spent'), 0)
        into k, total, shape, spent
        from credit_transactions t
        left join credit_postings p on p.transaction_id = t.id
       where t.id = tx
       group by t.kind;
      if k is null then return; end if;
      if total <> 0 then
        raise exception 'credit transaction % (%) is unbalanced: postings sum to %', tx, k, total
          using errcode = 'check_violation';
      end if;
      if not (
        (k in ('grant', 'purchase') and shape = 'available+,external-')
        or (k = 'adjustment' and shape in ('available+,external-', 'available-,external+'))
        or (k = 'hold' and shape = 'available-,held+')
        or (k = 'capture' and shape = 'held-,spent+')
        or (k = 'release' and shape = 'available+,held-')
        or (k = 'refund' and shape = 'available+,spent-')
      ) then
        raise exception 'credit transaction % (%) has postings [%] its kind does not allow', tx, k, shape
          using errcode = 'check_violation';
      end if;
      if k = 'capture' then
        select coalesce(sum(c.amount), 0) into charged from credit_charges c where c.capture_id = tx;
        if charged <> spent then
          raise exception 'credit capture % spends % but its charges sum to %', tx, spent, charged
            using errcode = 'check_violation';
        end if;
      end if;
    end $$;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Production only moves forward: write a new migration instead.");
}
