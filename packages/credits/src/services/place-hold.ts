import type { ServiceCtx } from "@quarry/db/service-context";
import { withTx } from "@quarry/db/with-tx";
import { findAvailable } from "../queries/balances.queries.ts";
import { lockLedger } from "../queries/ledger.queries.ts";
import { optionalId, requireCredits, requireKey } from "./ledger-input.ts";
import { notEnoughCredits } from "./not-enough-credits.ts";
import { postEntry, priorEntry } from "./post-entry.ts";

export interface PlaceHoldParams {
  amount: number;
  /** e.g. `hold:<runId>:<batchId>` */
  idempotencyKey: string;
  runId: string | null;
  memo: string;
}

/**
 * Reserves credits for a batch (available → held). Holds of one workspace are serialised, so
 * concurrent holds never reserve more than is available; a hold that would overdraw throws
 * CONFLICT "Not enough credits: N available, M needed." Same key again: the first hold.
 */
export async function placeHold(
  ctx: ServiceCtx,
  input: PlaceHoldParams,
): Promise<{ holdId: string; amount: number }> {
  const key = requireKey("idempotencyKey", input.idempotencyKey);
  const amount = requireCredits("amount", input.amount);
  const runId = optionalId("runId", input.runId);

  const { workspaceId } = ctx;
  return withTx(ctx.db, async (trx) => {
    await lockLedger(trx, workspaceId);
    const prior = await priorEntry(trx, workspaceId, key, ["hold"]);
    if (prior) return { holdId: prior.id, amount: prior.held };
    // O(1): the balance row, exact under the ledger lock (not a sum over every posting).
    const available = await findAvailable(trx, workspaceId);
    if (available < amount) throw notEnoughCredits(available, amount);
    const posted = await postEntry(
      trx,
      { workspaceId, kind: "hold", idempotencyKey: key, runId, memo: input.memo },
      [
        { account: "available", amount: -amount },
        { account: "held", amount },
      ],
    );
    if (posted) return { holdId: posted.id, amount };
    const first = await priorEntry(trx, workspaceId, key, ["hold"]);
    if (!first) throw new Error(`credit hold ${key} was neither written nor found`);
    return { holdId: first.id, amount: first.held };
  });
}
