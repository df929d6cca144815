import { badInput } from "@quarry/core/app-error";
import { actorUserId } from "@quarry/core/service-context";
import type { ServiceCtx } from "@quarry/db/service-context";
import { withTx } from "@quarry/db/with-tx";
import { findAvailable } from "../queries/balances.queries.ts";
import { lockLedger } from "../queries/ledger.queries.ts";
import type { GrantCreditsResult } from "../schemas/grant.ts";
import { optionalId, requireCredits, requireKey } from "./ledger-input.ts";
import { notEnoughCredits } from "./not-enough-credits.ts";
import { postEntry, priorEntry } from "./post-entry.ts";

export interface GrantCreditsParams {
  /** Positive for grant and purchase; an adjustment may be negative (never zero). */
  amount: number;
  kind: "grant" | "purchase" | "adjustment";
  idempotencyKey: string;
  memo: string;
}

/**
 * Credits from outside (external → available): a grant, a purchase, or an adjustment either way.
 * A negative adjustment cannot take more than is available. Same key again: the first result.
 */
export async function grantCredits(ctx: ServiceCtx, input: GrantCreditsParams): Promise<GrantCreditsResult> {
  const key = requireKey("idempotencyKey", input.idempotencyKey);
  const negative = input.kind === "adjustment" && input.amount < 0;
  const size = requireCredits("amount", Math.abs(input.amount));
  if (input.amount < 0 && !negative) throw badInput("amount", "amount must be a positive number of credits");
  const amount = negative ? -size : size;
  // Attributed to the signed-in user or an API key's creator; none when the operator (system) grants.
  const actorId = optionalId("actorId", actorUserId(ctx.actor));

  const { workspaceId } = ctx;
  return withTx(ctx.db, async (trx) => {
    await lockLedger(trx, workspaceId);
    const prior = await priorEntry(trx, workspaceId, key, [input.kind]);
    if (prior) return { transactionId: prior.id, amount: prior.available };
    if (negative) {
      const available = await findAvailable(trx, workspaceId);
      if (available < size) throw notEnoughCredits(available, size);
    }
    const posted = await postEntry(
      trx,
      { workspaceId, kind: input.kind, idempotencyKey: key, memo: input.memo, actorId },
      [
        { account: "external", amount: -amount },
        { account: "available", amount },
      ],
    );
    if (posted) return { transactionId: posted.id, amount };
    // Another writer took the key between our look-up and our insert: theirs is the first result.
    const first = await priorEntry(trx, workspaceId, key, [input.kind]);
    if (!first) throw new Error(`credit entry ${key} was neither written nor found`);
    return { transactionId: first.id, amount: first.available };
  });
}
