import type { ServiceCtx } from "@quarry/db/service-context";
import { withTx } from "@quarry/db/with-tx";
import { lockHold, lockLedger } from "../queries/ledger.queries.ts";
import { findHold } from "./find-hold.ts";
import { requireKey } from "./ledger-input.ts";
import { postEntry, priorEntry } from "./post-entry.ts";

export interface ReleaseHoldParams {
  holdId: string;
  /** `release:<runId>:<batchId>` */
  idempotencyKey: string;
}

/**
 * Returns what is left of a hold to available (held → available): misses, errors and
 * cancellations. Releases the whole remainder; a hold with nothing left releases 0 and writes
 * nothing. After a release, captures against the hold are refused. Same key again: the first result.
 */
export async function releaseHold(ctx: ServiceCtx, input: ReleaseHoldParams): Promise<{ released: number }> {
  const key = requireKey("idempotencyKey", input.idempotencyKey);

  const { workspaceId } = ctx;
  return withTx(ctx.db, async (trx) => {
    // Workspace first, then the hold: captures take only the hold's lock, so the order cannot deadlock.
    await lockLedger(trx, workspaceId);
    await lockHold(trx, input.holdId);
    const prior = await priorEntry(trx, workspaceId, key, ["release"]);
    if (prior) return { released: prior.available };
    const hold = await findHold(trx, workspaceId, input.holdId);
    const remainder = hold.remainder;
    if (remainder <= 0) return { released: 0 };
    const posted = await postEntry(
      trx,
      {
        workspaceId,
        kind: "release",
        idempotencyKey: key,
        holdId: hold.id,
        runId: hold.run_id,
        memo: hold.memo,
      },
      [
        { account: "held", amount: -remainder },
        { account: "available", amount: remainder },
      ],
    );
    if (posted) return { released: remainder };
    const first = await priorEntry(trx, workspaceId, key, ["release"]);
    return { released: first?.available ?? 0 };
  });
}
