import { type Kysely, sql } from "kysely";

/**
 * The available balance in O(1), and cheaper commit-time checks of the credits ledger.
 *
 * `credit_balances` holds each workspace's `available` balance: the sum of its `available`
 * postings, kept by a statement-level trigger on credit_postings (one upsert per workspace and
 * statement, whatever the number of rows) and written by nothing else — a guard refuses any other
 * write, so the row stays the sum of the entries. Only `available` is kept: every entry that changes
 * it (grant, purchase, adjustment, hold, release, refund) already runs under the workspace's ledger
 * lock, so its row lock costs nothing more; captures (held → spent) take only their hold's lock and
 * would all queue on a `held` or `spent` row until commit. Held and spent stay sums of postings.
 * The workspace's cascade deletes the row with the ledger.
 *
 * The deferred balance check (0005) ran twice per transaction row and once per posting, two queries
 * each. It now reads the transaction and its postings in one query, and a posting whose transaction
 * row was written by the same database transaction is left to that row's own check at commit; a
 * posting added to an older transaction is still checked. (A deliberate `set constraints … immediate`
 * followed by more postings on a transaction already checked in that database transaction would not
 * be checked again; the application never sets constraints.)
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table credit_balances (
      workspace_id uuid not null references workspaces(id) on delete cascade,
      account text not null check (account = 'available'),
      balance bigint not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (workspace_id, account)
    );

    create function credit_balances_add() returns trigger language plpgsql as $$
    begin
      insert into credit_balances as b (workspace_id, account, balance)
        select p.workspace_id, p.account, sum(p.amount)::int8
          from new_postings p
         where p.account = 'available'
         group by p.workspace_id, p.account
         -- One order for every writer: a statement touching several workspaces cannot deadlock.
         order by p.workspace_id
      on conflict (workspace_id, account)
        do update set balance = b.balance + excluded.balance, updated_at = now();
      return null;
    end $$;

    -- Created before the backfill: it locks credit_postings against inserts until this migration
    -- commits, so no posting can land between the backfill's read and the trigger taking over.
    create trigger credit_balances_add after insert on credit_postings
      referencing new table as new_postings
      for each statement execute function credit_balances_add();

    insert into credit_balances (workspace_id, account, balance)
      select workspace_id, account, sum(amount)::int8
        from credit_postings
       where account = 'available'
       group by workspace_id, account;

    create function credit_balances_derived() returns trigger language plpgsql as $$
    begin
      -- Written by the trigger above or removed by the workspace's cascade; nothing else.
      if pg_trigger_depth() > 1 then return coalesce(new, old); end if;
      raise exception 'credit_balances is derived from the ledger: % is not allowed, post an entry instead', tg_op
        using errcode = 'restrict_violation';
    end $$;
    create trigger credit_balances_derived before insert or update or delete on credit_balances
      for each row execute function credit_balances_derived();
  `.execute(db);

  await sql`
    create or replace function check_credit_transaction(tx uuid) returns void language plpgsql as $$
    declare
      k text;
      total numeric;
      shape text;
    begin
      select t.kind,
             coalesce(sum(p.amount), 0),
             coalesce(string_agg(p.account || case when p.amount > 0 then '+' else '-' end, ','
               order by p.account), '')
        into k, total, shape
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
    end $$;

    create or replace function credit_postings_balanced() returns trigger language plpgsql as $$
    begin
      -- The transaction row was written by this database transaction: its own deferred trigger
      -- (credit_transactions_balanced) checks it at commit, after every posting is in.
      if exists (
        select from credit_transactions t
         where t.id = new.transaction_id and t.xmin = pg_current_xact_id()::xid
      ) then
        return null;
      end if;
      perform check_credit_transaction(new.transaction_id);
      return null;
    end $$;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Production only moves forward: write a new migration instead.");
}
