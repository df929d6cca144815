import { type Kysely, sql } from "kysely";

/**
 * Each workspace's API keys for enrichment vendors (hunter, apollo, pdl), encrypted at rest
 * (AES-256-GCM, packages/core/src/secret-box.ts). `key_id` names the encryption key the ciphertext
 * is under, so the re-encrypt job finds rows still under a retired key. The secret itself never
 * leaves the server: lists show `last4`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table provider_keys (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      provider_id text not null,
      ciphertext text not null,
      key_id text not null,
      base_url text,
      last4 text not null,
      status text not null default 'untested'
        check (status in ('untested', 'valid', 'invalid', 'quota_exceeded', 'unreachable')),
      status_message text,
      created_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      last_used_at timestamptz,
      checked_at timestamptz
    );
    create unique index provider_keys_workspace_provider_key on provider_keys (workspace_id, provider_id);
    create index provider_keys_key_id_idx on provider_keys (key_id, id);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Production only moves forward: write a new migration instead.");
}
