import { type Kysely, sql } from "kysely";

/**
 * Workspace API keys for the public REST API (/api/v1) and their rate-limit counters.
 * A key is `qk_live_<id>_<secret>`: `prefix` (`qk_live_<id>`) is public and unique, only the
 * SHA-256 of the whole key is kept. Counters are fixed windows per key, shared by every process.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table workspace_api_keys (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      name text not null check (length(name) between 1 and 100),
      prefix text not null,
      secret_hash bytea not null,
      scope text not null check (scope in ('read', 'read_write')),
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    );
    create unique index workspace_api_keys_prefix_key on workspace_api_keys (prefix);
    create index workspace_api_keys_workspace_idx on workspace_api_keys (workspace_id, created_at desc, id);
    create trigger workspace_api_keys_updated_at before update on workspace_api_keys
      for each row execute function set_updated_at();

    create table api_rate_limits (
      workspace_id uuid not null references workspaces(id) on delete cascade,
      key_id uuid not null references workspace_api_keys(id) on delete cascade,
      window_start timestamptz not null,
      count integer not null,
      primary key (workspace_id, key_id, window_start)
    );
    create index api_rate_limits_key_idx on api_rate_limits (key_id);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Production only moves forward: write a new migration instead.");
}
