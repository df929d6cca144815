import { type Kysely, sql } from "kysely";

/**
 * Enrichment runs: workspace settings (confidence threshold, waterfall order per field), runs and
 * their (record, field) items, the lookup log (enrichment_records, monthly partitions like
 * record_activity), the shared rate-limit slots and provider health (circuit breaker) per
 * workspace and provider, the credit holds a run placed, and the provenance of enriched values
 * (record_field_sources, owned by the records package). Migrations never import app code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table enrichment_settings (
      workspace_id uuid primary key references workspaces(id) on delete cascade,
      confidence_threshold integer not null default 70 check (confidence_threshold between 0 and 100),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );

    create table waterfall_settings (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      entity text not null check (entity in ('contact', 'company')),
      field text not null,
      providers text[] not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create unique index waterfall_settings_key on waterfall_settings (workspace_id, entity, field);

    create table enrichment_runs (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      entity text not null check (entity in ('contact', 'company')),
      fields text[] not null,
      overwrite boolean not null default false,
      selection jsonb not null,
      status text not null default 'queued' check (status in
        ('queued', 'running', 'cancelling', 'cancelled', 'completed', 'failed', 'stopped')),
      stop_reason text,
      record_count integer not null default 0,
      batch_count integer not null default 0,
      estimate jsonb not null default '{}',
      created_by uuid references users(id) on delete set null,
      started_at timestamptz,
      cancel_requested_at timestamptz,
      finished_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index enrichment_runs_workspace_idx on enrichment_runs (workspace_id, created_at desc, id desc);

    create table enrichment_run_items (
      run_id uuid not null references enrichment_runs(id) on delete cascade,
      workspace_id uuid not null references workspaces(id) on delete cascade,
      record_id uuid not null,
      field text not null,
      batch integer not null,
      status text not null default 'pending' check (status in
        ('pending', 'claimed', 'found', 'not_found', 'failed', 'skipped', 'cancelled')),
      step integer not null default 0,
      provider text,
      attempts integer not null default 0,
      next_attempt_at timestamptz not null default now(),
      claimed_by uuid,
      claimed_at timestamptz,
      error text,
      updated_at timestamptz not null default now(),
      primary key (run_id, record_id, field)
    );
    create index enrichment_run_items_batch_idx on enrichment_run_items (run_id, batch, status);
    create index enrichment_run_items_workspace_idx on enrichment_run_items (workspace_id);
    create index enrichment_run_items_claimed_idx on enrichment_run_items (claimed_at) where status = 'claimed';

    create table enrichment_run_holds (
      run_id uuid not null references enrichment_runs(id) on delete cascade,
      workspace_id uuid not null references workspaces(id) on delete cascade,
      hold_key text not null,
      hold_id text not null,
      claim_id uuid not null,
      amount integer not null check (amount > 0),
      released_at timestamptz,
      created_at timestamptz not null default now(),
      primary key (run_id, hold_key)
    );
    create index enrichment_run_holds_open_idx on enrichment_run_holds (run_id) where released_at is null;
    create index enrichment_run_holds_workspace_idx on enrichment_run_holds (workspace_id);

    create table provider_rate_buckets (
      workspace_id uuid not null references workspaces(id) on delete cascade,
      provider text not null,
      next_slot_at timestamptz not null,
      updated_at timestamptz not null default now(),
      primary key (workspace_id, provider)
    );

    create table provider_health (
      workspace_id uuid not null references workspaces(id) on delete cascade,
      provider text not null,
      consecutive_failures integer not null default 0,
      paused_until timestamptz,
      last_error text,
      last_failure_at timestamptz,
      updated_at timestamptz not null default now(),
      primary key (workspace_id, provider)
    );

    create table record_field_sources (
      workspace_id uuid not null references workspaces(id) on delete cascade,
      entity text not null check (entity in ('contact', 'company')),
      record_id uuid not null,
      field text not null,
      provider text not null,
      confidence integer not null check (confidence between 0 and 100),
      verification text not null default 'unknown' check (verification in ('valid', 'risky', 'invalid', 'unknown')),
      fetched_at timestamptz not null,
      run_id uuid,
      sandbox boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (record_id, field)
    );
    create index record_field_sources_workspace_idx on record_field_sources (workspace_id, record_id);
  `.execute(db);

  for (const table of [
    "enrichment_settings",
    "waterfall_settings",
    "enrichment_runs",
    "enrichment_run_items",
    "record_field_sources",
  ]) {
    await sql`create trigger ${sql.id(`${table}_updated_at`)} before update on ${sql.table(table)}
      for each row execute function set_updated_at()`.execute(db);
  }

  // Every provider lookup, kept for audit, hit rates and re-use within a run. Monthly range
  // partitions on created_at, kept ahead by the daily enrichment/maintain-lookup-partitions cron.
  await sql`
    create table enrichment_records (
      id uuid not null default gen_random_uuid(),
      workspace_id uuid not null,
      run_id uuid,
      entity text not null check (entity in ('contact', 'company')),
      record_id uuid not null,
      provider text not null,
      status text not null check (status in ('found', 'not_found', 'error')),
      fields text[] not null default '{}',
      inputs jsonb not null default '{}',
      outputs jsonb not null default '[]',
      error_code text,
      cost integer not null default 0,
      confidence integer,
      latency_ms integer not null default 0,
      fetched_at timestamptz not null default now(),
      created_at timestamptz not null default now(),
      primary key (id, created_at)
    ) partition by range (created_at);
    create index enrichment_records_run_idx on enrichment_records (run_id, record_id, provider);
    create index enrichment_records_provider_idx on enrichment_records (workspace_id, provider, created_at desc);

    create table enrichment_records_default partition of enrichment_records default;

    create function maintain_enrichment_records_partitions(months_ahead integer, retention_months integer)
    returns table (created text[], dropped text[]) language plpgsql as $$
    declare
      m date;
      part text;
      made text[] := '{}';
      gone text[] := '{}';
      cutoff date := (date_trunc('month', now()) - make_interval(months => retention_months))::date;
      r record;
    begin
      for i in 0..months_ahead loop
        m := (date_trunc('month', now()) + make_interval(months => i))::date;
        part := 'enrichment_records_' || to_char(m, 'YYYY_MM');
        if to_regclass(part) is null then
          execute format(
            'create table %I partition of enrichment_records for values from (%L) to (%L)',
            part, m, (m + interval '1 month')::date);
          made := made || part;
        end if;
      end loop;
      for r in
        select c.relname from pg_inherits i
        join pg_class c on c.oid = i.inhrelid
        join pg_class p on p.oid = i.inhparent
        where p.relname = 'enrichment_records' and c.relname ~ '^enrichment_records_\\d{4}_\\d{2}$'
      loop
        if to_date(substring(r.relname from 20), 'YYYY_MM') < cutoff then
          execute format('drop table %I', r.relname);
          gone := gone || r.relname::text;
        end if;
      end loop;
      return query select made, gone;
    end $$;
  `.execute(db);
  await sql`select * from maintain_enrichment_records_partitions(3, 1200)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Production only moves forward: write a new migration instead.");
}
