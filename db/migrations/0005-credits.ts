import { type Kysely, sql } from "kysely";

/**
 * The credits ledger (docs/enrichment.md): double-entry transactions whose postings over the
 * accounts external / available / held / spent sum to zero. Balances are sums of postings; rows
 * are append-only (no update; delete only when the workspace is deleted). Credits are integers.
 *
 * Balances stay fast with a covering index: `credit_postings (workspace_id, account, created_at)
 * include (amount)` answers a workspace's balance and its month's spend with index-only scans.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table credit_transactions (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      kind text not null
        check (kind in ('grant', 'purchase', 'hold', 'capture', 'release', 'refund', 'adjustment')),
      idempotency_key text not null check (length(idempotency_key) between 1 and 200),
      run_id uuid,
      record_id uuid,
      field text,
      provider text,
      -- The hold a capture or release belongs to; the capture a refund reverses.
      hold_id uuid,
      capture_id uuid,
      memo text not null default '',
      actor_id uuid references users(id) on delete set null,
      -- clock_timestamp, not now(): entries written in one transaction keep their order.
      created_at timestamptz not null default clock_timestamp(),
      constraint credit_transactions_workspace_key unique (workspace_id, idempotency_key),
      constraint credit_transactions_id_workspace_key unique (id, workspace_id),
      constraint credit_transactions_hold_fk foreign key (hold_id, workspace_id)
        references credit_transactions (id, workspace_id) on delete cascade,
      constraint credit_transactions_capture_fk foreign key (capture_id, workspace_id)
        references credit_transactions (id, workspace_id) on delete cascade,
      constraint credit_transactions_hold_link check ((hold_id is not null) = (kind in ('capture', 'release'))),
      constraint credit_transactions_capture_link check ((capture_id is not null) = (kind = 'refund'))
    );
    create index credit_transactions_workspace_created_idx
      on credit_transactions (workspace_id, created_at desc, id desc);
    create index credit_transactions_workspace_hold_idx
      on credit_transactions (workspace_id, hold_id) where hold_id is not null;
    create index credit_transactions_workspace_run_idx
      on credit_transactions (workspace_id, run_id) where run_id is not null;
    -- Exactly once: one charge per (run, record, field), one refund per charge.
    create unique index credit_transactions_charge_key
      on credit_transactions (workspace_id, run_id, record_id, field) where kind = 'capture';
    create unique index credit_transactions_refund_key
      on credit_transactions (capture_id) where kind = 'refund';

    create table credit_postings (
      transaction_id uuid not null,
      workspace_id uuid not null,
      account text not null check (account in ('external', 'available', 'held', 'spent')),
      amount bigint not null check (amount <> 0),
      created_at timestamptz not null default clock_timestamp(),
      primary key (transaction_id, account),
      constraint credit_postings_transaction_fk foreign key (transaction_id, workspace_id)
        references credit_transactions (id, workspace_id) on delete cascade
    );
    create index credit_postings_workspace_account_idx
      on credit_postings (workspace_id, account, created_at) include (amount);

    create table credit_settings (
      workspace_id uuid primary key references workspaces(id) on delete cascade,
      run_cap bigint check (run_cap > 0),
      monthly_cap bigint check (monthly_cap > 0),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create trigger credit_settings_updated_at before update on credit_settings
      for each row execute function set_updated_at();
  `.execute(db);

  // At commit, every transaction must have exactly the postings its kind allows, summing to zero.
  await sql`
    create function check_credit_transaction(tx uuid) returns void language plpgsql as $$
    declare
      k text;
      total numeric;
      shape text;
    begin
      select t.kind into k from credit_transactions t where t.id = tx;
      if k is null then return; end if;
      select coalesce(sum(p.amount), 0),
             coalesce(string_agg(p.account || case when p.amount > 0 then '+' else '-' end, ','
               order by p.account), '')
        into total, shape
        from credit_postings p where p.transaction_id = tx;
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

    create function credit_transactions_balanced() returns trigger language plpgsql as $$
    begin
      perform check_credit_transaction(new.id);
      return null;
    end $$;

    create function credit_postings_balanced() returns trigger language plpgsql as $$
    begin
      perform check_credit_transaction(new.transaction_id);
      return null;
    end $$;

    create constraint trigger credit_transactions_balanced after insert on credit_transactions
      deferrable initially deferred for each row execute function credit_transactions_balanced();
    create constraint trigger credit_postings_balanced after insert on credit_postings
      deferrable initially deferred for each row execute function credit_postings_balanced();

    -- Append-only: corrections are new entries. Deleting rows is left to the workspace's cascade.
    create function credit_ledger_append_only() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' and pg_trigger_depth() > 1 then return old; end if;
      raise exception 'the credit ledger is append-only: % on % is not allowed', tg_op, tg_table_name
        using errcode = 'restrict_violation';
    end $$;
    create trigger credit_transactions_append_only before update or delete on credit_transactions
      for each row execute function credit_ledger_append_only();
    create trigger credit_postings_append_only before update or delete on credit_postings
      for each row execute function credit_ledger_append_only();
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Production only moves forward: write a new migration instead.");
}
