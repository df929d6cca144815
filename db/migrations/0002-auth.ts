import { type Kysely, sql } from "kysely";

/**
 * Sessions as `<id>.<secret>` tokens: the row keeps the public id and only the SHA-256 of the
 * secret. Sessions created before this migration carry no secret hash and cannot be validated,
 * so they are dropped (their users sign in again).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    delete from sessions;
    alter table sessions add column secret_hash bytea not null;
    create index sessions_expires_at_idx on sessions (expires_at);
    create index password_resets_expires_at_idx on password_resets (expires_at);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Production only moves forward: write a new migration instead.");
}
