import { type Kysely, sql } from "kysely";

/**
 * Foundation schema: accounts, sessions, workspaces, memberships, invitations, mail outbox,
 * contacts, companies, custom fields and the (monthly partitioned) record activity log.
 * Migrations never import app code.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);

  await sql`
    create function set_updated_at() returns trigger language plpgsql as $$
    begin new.updated_at = now(); return new; end $$`.execute(db);

  await sql`
    create table users (
      id uuid primary key default gen_random_uuid(),
      email text not null,
      name text not null,
      password_hash text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint users_email_lower check (email = lower(email))
    );
    create unique index users_email_key on users (email);

    create table sessions (
      id text primary key,
      user_id uuid not null references users(id) on delete cascade,
      expires_at timestamptz not null,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      user_agent text,
      ip text
    );
    create index sessions_user_id_idx on sessions (user_id);

    create table password_resets (
      id text primary key,
      user_id uuid not null references users(id) on delete cascade,
      expires_at timestamptz not null,
      used_at timestamptz,
      created_at timestamptz not null default now()
    );
    create index password_resets_user_id_idx on password_resets (user_id);

    create table auth_throttles (
      key text primary key,
      failures integer not null default 0,
      locked_until timestamptz,
      updated_at timestamptz not null default now()
    );

    create table workspaces (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );

    create table memberships (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      role text not null check (role in ('owner', 'admin', 'member', 'viewer', 'billing_admin')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create unique index memberships_workspace_user_key on memberships (workspace_id, user_id);
    create index memberships_user_id_idx on memberships (user_id);

    create table invitations (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      email text not null check (email = lower(email)),
      role text not null check (role in ('owner', 'admin', 'member', 'viewer', 'billing_admin')),
      token_hash text not null,
      invited_by uuid references users(id) on delete set null,
      expires_at timestamptz not null,
      accepted_at timestamptz,
      accepted_by uuid references users(id) on delete set null,
      revoked_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create unique index invitations_token_hash_key on invitations (token_hash);
    create index invitations_workspace_id_idx on invitations (workspace_id, created_at desc);

    create table outbox (
      id uuid primary key default gen_random_uuid(),
      to_address text not null,
      subject text not null,
      text_body text not null,
      html_body text,
      created_at timestamptz not null default now(),
      sent_at timestamptz
    );
    create index outbox_created_at_idx on outbox (created_at desc);
  `.execute(db);

  await sql`
    create table companies (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      name text,
      domain text check (domain = lower(domain)),
      industry text,
      employee_count integer check (employee_count >= 0),
      annual_revenue bigint check (annual_revenue >= 0),
      funding_stage text,
      funding_total bigint check (funding_total >= 0),
      founded_year integer check (founded_year between 1000 and 3000),
      technologies text[] not null default '{}',
      description text,
      linkedin_url text,
      phone text,
      city text,
      state text,
      country text,
      custom jsonb not null default '{}',
      search tsvector generated always as (
        to_tsvector('simple', coalesce(name, '') || ' ' || coalesce(domain, ''))
      ) stored,
      deleted_at timestamptz,
      created_by uuid references users(id) on delete set null,
      updated_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create unique index companies_workspace_domain_key on companies (workspace_id, domain)
      where deleted_at is null and domain is not null;
    create index companies_workspace_created_idx on companies (workspace_id, created_at desc, id desc);
    create index companies_workspace_name_idx on companies (workspace_id, name, id);
    create index companies_search_idx on companies using gin (search);

    create table contacts (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      first_name text,
      last_name text,
      full_name text,
      email text check (email = lower(email)),
      phone text,
      mobile_phone text,
      title text,
      seniority text,
      department text,
      linkedin_url text,
      twitter_url text,
      city text,
      state text,
      country text,
      postal_code text,
      company_id uuid references companies(id) on delete set null,
      company_name text,
      company_domain text,
      custom jsonb not null default '{}',
      search tsvector generated always as (
        to_tsvector('simple',
          coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || coalesce(full_name, '') || ' ' ||
          coalesce(email, '') || ' ' || replace(coalesce(email, ''), '@', ' ') || ' ' ||
          coalesce(company_name, '') || ' ' || coalesce(company_domain, ''))
      ) stored,
      deleted_at timestamptz,
      created_by uuid references users(id) on delete set null,
      updated_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create unique index contacts_workspace_email_key on contacts (workspace_id, email)
      where deleted_at is null and email is not null;
    create index contacts_workspace_created_idx on contacts (workspace_id, created_at desc, id desc);
    create index contacts_workspace_last_name_idx on contacts (workspace_id, last_name, id);
    create index contacts_workspace_company_idx on contacts (workspace_id, company_id);
    create index contacts_search_idx on contacts using gin (search);

    create table custom_field_definitions (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      entity text not null check (entity in ('contact', 'company')),
      key text not null check (key ~ '^[a-z][a-z0-9_]{0,62}$'),
      label text not null,
      type text not null check (type in ('text', 'number', 'date', 'boolean', 'url', 'email', 'select')),
      options jsonb not null default '[]',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create unique index custom_field_definitions_key on custom_field_definitions (workspace_id, entity, key);
  `.execute(db);

  for (const table of [
    "users",
    "workspaces",
    "memberships",
    "invitations",
    "companies",
    "contacts",
    "custom_field_definitions",
  ]) {
    await sql`create trigger ${sql.id(`${table}_updated_at`)} before update on ${sql.table(table)}
      for each row execute function set_updated_at()`.execute(db);
  }

  // The activity log grows fastest: monthly range partitions on created_at from day one.
  // maintain_record_activity_partitions() is run by a daily cron job (records/maintain-activity-partitions).
  await sql`
    create table record_activity (
      id uuid not null default gen_random_uuid(),
      workspace_id uuid not null,
      entity text not null check (entity in ('contact', 'company')),
      record_id uuid not null,
      actor_id uuid,
      source text not null check (source in ('user', 'import', 'enrichment', 'api', 'system')),
      action text not null check (action in ('create', 'update', 'delete', 'restore')),
      changes jsonb not null default '[]',
      created_at timestamptz not null default now(),
      primary key (id, created_at)
    ) partition by range (created_at);
    create index record_activity_record_idx on record_activity (workspace_id, record_id, created_at desc);

    create table record_activity_default partition of record_activity default;

    create function maintain_record_activity_partitions(months_ahead integer, retention_months integer)
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
        part := 'record_activity_' || to_char(m, 'YYYY_MM');
        if to_regclass(part) is null then
          execute format(
            'create table %I partition of record_activity for values from (%L) to (%L)',
            part, m, (m + interval '1 month')::date);
          made := made || part;
        end if;
      end loop;
      for r in
        select c.relname from pg_inherits i
        join pg_class c on c.oid = i.inhrelid
        join pg_class p on p.oid = i.inhparent
        where p.relname = 'record_activity' and c.relname ~ '^record_activity_\\d{4}_\\d{2}$'
      loop
        if to_date(substring(r.relname from 17), 'YYYY_MM') < cutoff then
          execute format('drop table %I', r.relname);
          gone := gone || r.relname::text;
        end if;
      end loop;
      return query select made, gone;
    end $$;
  `.execute(db);
  // Partitions for the current month and the next three exist as soon as the schema does.
  await sql`select * from maintain_record_activity_partitions(3, 1200)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Production only moves forward: write a new migration instead.");
}
