import type { ServiceCtx } from "@quarry/db/service-context";
import { captureCharges } from "./capture-charges.ts";
import { requireCredits, requireId, requireKey } from "./ledger-input.ts";

export interface CaptureHoldParams {
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
 * An amount of 0 charges nothing and answers `{ captured: true }`. One charge of captureCharges.
 */
export async function captureHold(ctx: ServiceCtx, input: CaptureHoldParams): Promise<{ captured: boolean }> {
  const idempotencyKey = requireKey("idempotencyKey", input.idempotencyKey);
  const amount = requireCredits("amount", input.amount, { allowZero: true });
  const runId = requireId("runId", input.runId);
  const recordId = requireId("recordId", input.recordId);
  const field = requireKey("field", input.field);
  const provider = requireKey("provider", input.provider);
  const result = await captureCharges(ctx, {
    holdId: input.holdId,
    runId,
    provider,
    charges: [{ recordId, field, amount, idempotencyKey }],
  });
  return { captured: result.captured };
}
