import { DAY } from "@quarry/core/clock";
import { systemActor } from "@quarry/core/service-context";
import { grantCredits } from "@quarry/credits/services/grant-credits";
import type { ServiceCtx } from "@quarry/db/service-context";
import { withTx } from "@quarry/db/with-tx";
import { plans, TRIAL_CREDITS, TRIAL_DAYS, TRIAL_PLAN } from "../plans.ts";
import { insertTrialState } from "../queries/billing-state.queries.ts";
import { insertHistory } from "../queries/history.queries.ts";

/**
 * A new workspace's trial, without a card: TRIAL_DAYS days on the trial plan's limits and
 * TRIAL_CREDITS credits granted through the ledger (key `trial`, so once per workspace), with a
 * history row; all in the caller's transaction. Nothing when the workspace has billing state already.
 */
export async function startTrial(ctx: ServiceCtx): Promise<void> {
  await withTx(ctx.db, async (trx) => {
    const now = ctx.clock.now();
    const endsAt = new Date(now.getTime() + TRIAL_DAYS * DAY);
    const started = await insertTrialState(trx, ctx.workspaceId, { plan: TRIAL_PLAN, endsAt });
    if (!started) return;
    await grantCredits(
      { ...ctx, db: trx, actor: systemActor("billing") },
      {
        amount: TRIAL_CREDITS,
        kind: "grant",
        idempotencyKey: "trial",
        memo: `${TRIAL_DAYS}-day trial credits`,
      },
    );
    await insertHistory(trx, {
      workspaceId: ctx.workspaceId,
      kind: "trial_started",
      detail: {
        plan: plans[TRIAL_PLAN].id,
        days: TRIAL_DAYS,
        credits: TRIAL_CREDITS,
        ends_at: endsAt.toISOString(),
      },
      amountCents: null,
      stripeObjectId: null,
      stripeEventId: null,
      occurredAt: now,
    });
  });
}
