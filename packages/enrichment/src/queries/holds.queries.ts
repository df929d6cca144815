import type { Database } from "@quarry/db/client";
import { sql } from "kysely";

export interface RunHoldRow {
  hold_key: string;
  hold_id: string;
}

/** Written in the same transaction as the ledger hold, so a crash can never lose track of one. */
export async function insertRunHold(
  db: Database,
  h: { workspaceId: string; runId: string; holdKey: string; holdId: string; claimId: string; amount: number },
): Promise<void> {
  await db
    .insertInto("enrichment_run_holds")
    .values({
      workspace_id: h.workspaceId,
      run_id: h.runId,
      hold_key: h.holdKey,
      hold_id: h.holdId,
      claim_id: h.claimId,
      amount: h.amount,
    })
    .onConflict((oc) => oc.columns(["run_id", "hold_key"]).doNothing())
    .execute();
}

export async function markHoldReleased(db: Database, workspaceId: string, runId: string, holdKey: string) {
  await sql`update enrichment_run_holds set released_at = now()
    where workspace_id = ${workspaceId} and run_id = ${runId} and hold_key = ${holdKey}`.execute(db);
}

/** Holds of the run not yet released: all of them, or those of one claim. */
export async function openRunHolds(
  db: Database,
  workspaceId: string,
  runId: string,
  claimId: string | null,
): Promise<RunHoldRow[]> {
  let q = db
    .selectFrom("enrichment_run_holds")
    .select(["hold_key", "hold_id"])
    .where("workspace_id", "=", workspaceId)
    .where("run_id", "=", runId)
    .where("released_at", "is", null);
  if (claimId) q = q.where("claim_id", "=", claimId);
  return q.execute();
}
