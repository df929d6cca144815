import { AppError, notFound } from "@quarry/core/app-error";
import type { Database } from "@quarry/db/client";
import { withTx } from "@quarry/db/with-tx";
import { findEntryByKey, findRefundOf, lockLedger } from "../queries/ledger.queries.ts";
import { requireKey } from "./ledger-input.ts";
import { postEntry, priorEntry } from "./post-entry.ts";

export interface RefundCaptureParams {
  workspaceId: string;
  /** The key the charge was captured under, e.g. `capture:<runId>:<recordId>:<field>`. */
  captureIdempotencyKey: string;
  idempotencyKey: string;
  memo: string;
}

/**
 * Gives a charge back in full (spent → available), e.g. a value that turned out wrong. One refund
 * per charge: the same key again returns the first result; another key for a refunded charge is
 * CONFLICT. The refund counts against the month it is made in.
 */
export async function refundCapture(
  db: Database,
  input: RefundCaptureParams,
): Promise<{ transactionId: string; refunded: number }> {
  const key = requireKey("idempotencyKey", input.idempotencyKey);
  const captureKey = requireKey("captureIdempotencyKey", input.captureIdempotencyKey);

  return withTx(db, async (trx) => {
    await lockLedger(trx, input.workspaceId);
    const prior = await priorEntry(trx, input.workspaceId, key, ["refund"]);
    if (prior) return { transactionId: prior.id, refunded: prior.available };
    const capture = await findEntryByKey(trx, input.workspaceId, captureKey);
    if (capture?.kind !== "capture") throw notFound("Charge");
    const refunded = await findRefundOf(trx, input.workspaceId, capture.id);
    if (refunded) throw new AppError("CONFLICT", "This charge was already refunded.");
    const amount = capture.spent;
    const posted = await postEntry(
      trx,
      {
        workspaceId: input.workspaceId,
        kind: "refund",
        idempotencyKey: key,
        captureId: capture.id,
        runId: capture.run_id,
        recordId: capture.record_id,
        field: capture.field,
        provider: capture.provider,
        memo: input.memo,
      },
      [
        { account: "spent", amount: -amount },
        { account: "available", amount },
      ],
    );
    if (posted) return { transactionId: posted.id, refunded: amount };
    const first = await priorEntry(trx, input.workspaceId, key, ["refund"]);
    if (!first) throw new AppError("CONFLICT", "This charge was already refunded.");
    return { transactionId: first.id, refunded: first.available };
  });
}
