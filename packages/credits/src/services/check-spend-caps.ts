import { AppError } from "@quarry/core/app-error";
import type { ServiceCtx } from "@quarry/db/service-context";
import { withTx } from "@quarry/db/with-tx";
import { findBalance, runCredits, spentThisMonth } from "../queries/balances.queries.ts";
import { lockLedger } from "../queries/ledger.queries.ts";
import { findCreditSettings } from "../queries/settings.queries.ts";
import { requireCredits, requireId } from "./ledger-input.ts";

export interface CheckSpendCapsParams {
  runId: string;
  /** What the next hold (a provider call's or a round's worst case) may cost. */
  amount: number;
}

const andHolds = (held: number) => (held > 0 ? ` and holds ${held}` : "");

/**
 * Before a hold for provider calls: refuses (CONFLICT, naming the cap) when the hold could take
 * the run's spend or this calendar month's spend (UTC) past the workspace's cap. Spend is what
 * was captured less refunds, plus what is still held (credits in flight may yet be captured), so
 * holds in flight together cannot pass a cap. Takes the workspace's ledger lock: called in the
 * transaction that places the hold, no other hold of the workspace lands between check and hold.
 */
export async function checkSpendCaps(ctx: ServiceCtx, input: CheckSpendCapsParams): Promise<void> {
  const runId = requireId("runId", input.runId);
  const amount = requireCredits("amount", input.amount, { allowZero: true });
  const { workspaceId } = ctx;
  await withTx(ctx.db, async (trx) => {
    const caps = await findCreditSettings(trx, workspaceId);
    if (caps?.run_cap == null && caps?.monthly_cap == null) return;
    await lockLedger(trx, workspaceId);
    if (caps.run_cap != null) {
      const { spent, held } = await runCredits(trx, workspaceId, runId);
      if (spent + held + amount > caps.run_cap) {
        throw new AppError(
          "CONFLICT",
          `Per-run spend cap reached: this run has spent ${spent}${andHolds(held)} of its ${caps.run_cap}-credit cap and the next call costs ${amount}.`,
        );
      }
    }
    if (caps.monthly_cap != null) {
      const spent = await spentThisMonth(trx, workspaceId);
      const { held } = await findBalance(trx, workspaceId);
      if (spent + held + amount > caps.monthly_cap) {
        throw new AppError(
          "CONFLICT",
          `Monthly spend cap reached: ${spent} of ${caps.monthly_cap} credits spent this month (UTC)${held > 0 ? `, ${held} held,` : ""} and the next call costs ${amount}.`,
        );
      }
    }
  });
}
