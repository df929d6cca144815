import { AppError } from "@quarry/core/app-error";
import type { Database } from "@quarry/db/client";
import { runCredits, spentThisMonth } from "../queries/balances.queries.ts";
import { findCreditSettings } from "../queries/settings.queries.ts";
import { requireCredits, requireId } from "./ledger-input.ts";

export interface CheckSpendCapsParams {
  workspaceId: string;
  runId: string;
  /** What the next provider call may cost. */
  amount: number;
}

/**
 * Before every provider call: refuses (CONFLICT, naming the cap) when the call could take the
 * run's spend or this calendar month's spend (UTC) past the workspace's cap. Spend is what was
 * captured less refunds; credits still held do not count. Reads only: concurrent calls of one
 * run may each pass, so a cap can be passed by at most the calls already in flight.
 */
export async function checkSpendCaps(db: Database, input: CheckSpendCapsParams): Promise<void> {
  const runId = requireId("runId", input.runId);
  const amount = requireCredits("amount", input.amount, { allowZero: true });
  const caps = await findCreditSettings(db, input.workspaceId);
  if (caps?.run_cap != null) {
    const { spent } = await runCredits(db, input.workspaceId, runId);
    if (spent + amount > caps.run_cap) {
      throw new AppError(
        "CONFLICT",
        `Per-run spend cap reached: this run has spent ${spent} of its ${caps.run_cap}-credit cap and the next call costs ${amount}.`,
      );
    }
  }
  if (caps?.monthly_cap != null) {
    const spent = await spentThisMonth(db, input.workspaceId);
    if (spent + amount > caps.monthly_cap) {
      throw new AppError(
        "CONFLICT",
        `Monthly spend cap reached: ${spent} of ${caps.monthly_cap} credits spent this month (UTC) and the next call costs ${amount}.`,
      );
    }
  }
}
