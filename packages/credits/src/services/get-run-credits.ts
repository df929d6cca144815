import type { ServiceCtx } from "@quarry/db/service-context";
import { runCredits } from "../queries/balances.queries.ts";
import { requireId } from "./ledger-input.ts";

/** What a run has cost so far: `spent` (captures less refunds) and `held` (still set aside by its holds). */
export async function getRunCredits(
  ctx: ServiceCtx,
  input: { runId: string },
): Promise<{ spent: number; held: number }> {
  return runCredits(ctx.db, ctx.workspaceId, requireId("runId", input.runId));
}
