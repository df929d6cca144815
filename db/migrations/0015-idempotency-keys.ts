import { type Kysely, sql } from "kysely";

/**
 * Idempotency keys of the public REST API (`Idempotency-Key` on creating POSTs), Stripe's way:
 * the first answer to (workspace, API key, key) is kept with a hash of its request, and a retry
 * with the same key gets that answer back instead of creating a second thing. A row is inserted
 * at the start of the request's transaction (a concurrent retry waits on its unique key) and
 * carries `status` and `response_body` by the time it commits; a failed request rolls it back.
 * Rows older than a day are pruned (`rest/prune-idempotency-keys`).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table idempotency_keys (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces(id) on delete cascade,
      api_key_id uuid not null references workspace_api_keys(id) on delete cascade,
      key text not null check (length(key) between 1 and 255),
      request_hash text not null,
      status integer,
      response_body json,
      created_at timestamptz not null default now(),
      constraint idempotency_keys_scope_key unique (workspace_id, api_key_id, key)
    );
    create index idempotency_keys_created_at_idx on idempotency_keys (created_at);
    create index idempotency_keys_api_key_idx on idempotency_keys (api_key_id);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Production only moves forward: write a new migration instead.");
}
