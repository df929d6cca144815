import { notFound } from "@quarry/core/app-error";
import type { ServiceCtx } from "@quarry/db/service-context";
import { withTx } from "@quarry/db/with-tx";
import { cancelPendingItems } from "../queries/run-items.queries.ts";
import { findRun, requestRunCancel } from "../queries/runs.queries.ts";
import type { Run } from "../schemas/runs.ts";
import { finishRunIfDone } from "./finish-run.ts";
import { getRun, RUNNER_ACCESS } from "./get-run.ts";

export const CANCELLED_REASON = "The run was cancelled.";

/**
 * Cancels a run: once this returns, no provider call of the run starts (every call re-reads the
 * status just before it starts, and that read waits for this write). Pending items are cancelled
 * here; calls in flight are aborted by their workers within `cancelPollMs`, which cancel their
 * items and release their holds; the run ends "cancelled" when the last claim is let go.
 * Cancelling a finished run changes nothing.
 */
export async function cancelRun(ctx: ServiceCtx, id: string): Promise<Run> {
  const run = await findRun(ctx.db, ctx.workspaceId, id);
  if (!run) throw notFound("Enrichment run");
  await withTx(ctx.db, async (db) => {
    if (await requestRunCancel(db, ctx.workspaceId, id)) {
      await cancelPendingItems(db, ctx.workspaceId, id, CANCELLED_REASON);
    }
  });
  await finishRunIfDone(ctx.db, ctx.workspaceId, id);
  return getRun(ctx, id, RUNNER_ACCESS);
}
