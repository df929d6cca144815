import { type Kysely, sql } from "kysely";

/**
 * Test mode: one workspace switch that puts the sandbox in every field's waterfall without
 * touching the waterfalls the workspace saved (waterfall_settings), so switching it off restores
 * them exactly. The waterfall resolution honours the flag; a run remembers whether it started in
 * test mode, and keeps the test waterfalls to its end whatever the switch does meanwhile.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table enrichment_settings add column test_mode boolean not null default false;
    alter table enrichment_runs add column test_mode boolean not null default false;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Production only moves forward: write a new migration instead.");
}
