import { badInput } from "@quarry/core/app-error";
import type { Database } from "@quarry/db/client";
import { withTx } from "@quarry/db/with-tx";
import { findCharge, holdRemainder, lockHold } from "../queries/ledger.queries.ts";
import { findHold } from "./find-hold.ts";
import { requireCredits, requireId, requireKey } from "./ledger-input.ts";
import { postEntry, priorEntry } from "./post-entry.ts";

export interface CaptureHoldParams {
  workspaceId: string;
  holdId: string;
  amount: number;
  /** `capture:<runId>:<recordId>:<field>` */
  idempotencyKey: string;
  runId: string;
  recordId: string;
  field: string;
  provider: string;
}

/**
 * Charges a value found (held → spent), exactly once per (run, record, field): a retried,
 * duplicated or resumed job gets `{ captured: true }` again without a second charge, whether it
 * reuses the key or not. Never captures more than the hold's remainder (hold − captured −
 * released): such a capture is refused whole — `{ captured: false }`, nothing written — so the
 * caller knows the value was not paid for (e.g. the hold was already released on cancel).
 * An amount of 0 charges nothing and answers `{ captured: true }`.
 */
export async function captureHold(db: Database, input: CaptureHoldParams): Promise<{ captured: boolean }> {
  const key = requireKey("idempotencyKey", input.idempotencyKey);
  const amount = requireCredits("amount", input.amount, { allowZero: true });
  const runId = requireId("runId", input.runId);
  const recordId = requireId("recordId", input.recordId);
  const field = requireKey("field", input.field);
  const provider = requireKey("provider", input.provider);
  const charge = { runId, recordId, field };

  return withTx(db, async (trx) => {
    // The hold's lock, not the workspace's: a capture changes no available balance (see lockHold).
    await lockHold(trx, input.holdId);
    if (await priorEntry(trx, input.workspaceId, key, ["capture"])) return { captured: true };
    if (await findCharge(trx, input.workspaceId, charge)) return { captured: true };
    const hold = await findHold(trx, input.workspaceId, input.holdId);
    if (hold.run_id && hold.run_id !== runId) {
      throw badInput("holdId", "holdId names a hold of another run");
    }
    if (amount === 0) return { captured: true };
    if (amount > (await holdRemainder(trx, input.workspaceId, hold.id))) return { captured: false };
    const posted = await postEntry(
      trx,
      {
        workspaceId: input.workspaceId,
        kind: "capture",
        idempotencyKey: key,
        holdId: hold.id,
        ...charge,
        provider,
        memo: hold.memo,
      },
      [
        { account: "held", amount: -amount },
        { account: "spent", amount },
      ],
    );
    // null: the key or the (run, record, field) was charged by a concurrent writer — still charged once.
    return { captured: posted !== null || (await findCharge(trx, input.workspaceId, charge)) !== undefined };
  });
}
