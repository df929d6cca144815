import { type Kysely, sql } from "kysely";

/**
 * Workspaces created before billing existed have no billing row, which reads as the Free plan and
 * its limits (one seat, one API key): an upgrade must not shrink what a team could do the day
 * before. They get the same 14-day Starter trial a new workspace gets (without its credits: they
 * keep the balance they have), from the moment this runs.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    insert into workspace_billing (workspace_id, plan, status, trial_ends_at)
    select w.id, 'starter', 'trialing', now() + interval '14 days'
    from workspaces w
    where not exists (select 1 from workspace_billing b where b.workspace_id = w.id)
  `.execute(db);
}

export async function down(): Promise<void> {
  // Forward only: the rows are ordinary billing state from here on.
}
