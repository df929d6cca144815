import { AppError, notFound } from "@quarry/core/app-error";
import type { ServiceCtx } from "@quarry/db/service-context";
import { withTx } from "@quarry/db/with-tx";
import { findChargeByKey } from "../queries/charges.queries.ts";
import { findRefundOf, lockLedger } from "../queries/ledger.queries.ts";
import { requireKey } from "./ledger-input.ts";
import { postEntry, priorEntry } from "./post-entry.ts";

export interface RefundCaptureParams {
  /** The key the charge was captured under, e.g. `capture:<runId>:<recordId>:<field>`. */
  captureIdempotencyKey: string;
  idempotencyKey: string;
  memo: string;
}

/**
 * Gives a charge back in full (spent → available), e.g. a value that turned out wrong: one value of
 * a capture (its charge row), named by the key it was charged under. One refund per charge: the
 * same key again returns the first result; another key for a refunded charge is CONFLICT. The refund counts against the month it is made in.
 */
export async function refundCapture(
  ctx: ServiceCtx,
  input: RefundCaptureParams,
): Promise<{ transactionId: string; refunded: number }> {
  const key = requireKey("idempotencyKey", input.idempotencyKey);
  const captureKey = requireKey("captureIdempotencyKey", input.captureIdempotencyKey);

  const { workspaceId } = ctx;
  return withTx(ctx.db, async (trx) => {
    await lockLedger(trx, workspaceId);
    const prior = await priorEntry(trx, workspaceId, key, ["refund"]);
    if (prior) return { transactionId: prior.id, refunded: prior.available };
    const charge = await findChargeByKey(trx, workspaceId, captureKey);
    if (!charge) throw notFound("Charge");
    const value = { captureId: charge.capture_id, recordId: charge.record_id, field: charge.field };
    const refunded = await findRefundOf(trx, workspaceId, value);
    if (refunded) throw new AppError("CONFLICT", "This charge was already refunded.");
    const amount = charge.amount;
    const posted = await postEntry(
      trx,
      {
        workspaceId,
        kind: "refund",
        idempotencyKey: key,
        captureId: charge.capture_id,
        runId: charge.run_id,
        recordId: charge.record_id,
        field: charge.field,
        provider: charge.provider,
        memo: input.memo,
      },
      [
        { account: "spent", amount: -amount },
        { account: "available", amount },
      ],
    );
    if (posted) return { transactionId: posted.id, refunded: amount };
    const first = await priorEntry(trx, workspaceId, key, ["refund"]);
    if (!first) throw new AppError("CONFLICT", "This charge was already refunded.");
    return { transactionId: first.id, refunded: first.available };
  });
}
