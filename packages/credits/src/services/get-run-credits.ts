import type { Database } from "@quarry/db/client";
import { runCredits } from "../queries/balances.queries.ts";
import { requireId } from "./ledger-input.ts";

/** What a run has cost so far: `spent` (captures less refunds) and `held` (still set aside by its holds). */
export async function getRunCredits(
  db: Database,
  workspaceId: string,
  runId: string,
): Promise<{ spent: number; held: number }> {
  return runCredits(db, workspaceId, requireId("runId", runId));
}
