import { releaseHold } from "@quarry/credits/services/release-hold";
import type { Database } from "@quarry/db/client";
import { markHoldReleased, openRunHolds } from "../queries/holds.queries.ts";
import { finishRunRow } from "../queries/runs.queries.ts";
import { creditsCtx } from "./credits-ctx.ts";

/**
 * Releases what is left of the run's holds — all of them, or one claim's — back to available.
 * Each release is keyed `release:<holdKey>`, so doing it twice (a worker and the reaper) is a no-op.
 */
export async function releaseRunHolds(
  db: Database,
  workspaceId: string,
  runId: string,
  claimId: string | null,
): Promise<number> {
  let released = 0;
  for (const hold of await openRunHolds(db, workspaceId, runId, claimId)) {
    released += await releaseCallHold(db, workspaceId, runId, hold.hold_key, hold.hold_id);
  }
  return released;
}

/** Releases the rest of one call's hold (`release:<holdKey>`), e.g. after its values were captured. */
export async function releaseCallHold(
  db: Database,
  workspaceId: string,
  runId: string,
  holdKey: string,
  holdId: string,
): Promise<number> {
  const r = await releaseHold(creditsCtx(db, workspaceId), {
    holdId,
    idempotencyKey: `release:${holdKey.replace(/^hold:/, "")}`,
  });
  await markHoldReleased(db, workspaceId, runId, holdKey);
  return r.released;
}

/** Ends the run when no item is open, releasing any hold a crashed worker left. Safe to call any time. */
export async function finishRunIfDone(
  db: Database,
  workspaceId: string,
  runId: string,
): Promise<string | null> {
  const status = await finishRunRow(db, workspaceId, runId);
  if (status) await releaseRunHolds(db, workspaceId, runId, null);
  return status;
}
