import type { Outbound } from "@quarry/core/outbound";
import { testOutbound } from "@quarry/core/testing/test-outbound";
import type { Database } from "@quarry/db/client";
import { sql } from "kysely";
import type { PlanId } from "../plans.ts";
import { planLimits } from "../services/plan-limits.ts";

/** What main.ts builds (Outbound with billing's real plan limits), for tests of the limits. */
export const limitedOutbound: Outbound = { ...testOutbound, limits: planLimits };

/** Puts the workspace on a plan as if its subscription were active (or on free / none). */
export async function setPlan(
  db: Database,
  workspaceId: string,
  plan: PlanId | "no billing row",
): Promise<void> {
  if (plan === "no billing row") {
    await db.deleteFrom("workspace_billing").where("workspace_id", "=", workspaceId).execute();
    return;
  }
  const status = plan === "free" ? "free" : "active";
  await db
    .insertInto("workspace_billing")
    .values({ workspace_id: workspaceId, plan, status, trial_ends_at: null })
    .onConflict((oc) => oc.column("workspace_id").doUpdateSet({ plan, status, trial_ends_at: null }))
    .execute();
}

/** Adds n plain contacts straight to the table (a workspace's existing data, as an import would leave it). */
export async function fillContacts(
  db: Database,
  workspaceId: string,
  n: number,
  tag = "filled",
): Promise<void> {
  await sql`
    insert into contacts (workspace_id, first_name, email)
    select ${workspaceId}, 'Filled', ${tag} || '-' || g || '@fill.example'
    from generate_series(1, ${n}::int) g
  `.execute(db);
}

/** Live contacts plus companies, as the limit counts them. */
export async function liveRecords(db: Database, workspaceId: string): Promise<number> {
  const r = await sql<{ n: number }>`
    select ((select count(*) from contacts where workspace_id = ${workspaceId} and deleted_at is null)
          + (select count(*) from companies where workspace_id = ${workspaceId} and deleted_at is null))::int as n
  `.execute(db);
  return r.rows[0]?.n ?? 0;
}
