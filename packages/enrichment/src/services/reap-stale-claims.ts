import type { Logger } from "@quarry/core/logger";
import type { Database } from "@quarry/db/client";
import { overdueBatches, reapStaleItems, unfinishedIdleRuns } from "../queries/run-items.queries.ts";
import { finishRunIfDone, releaseRunHolds } from "./finish-run.ts";
import type { Requeue } from "./run-batch.ts";

/**
 * Recovers from dead workers (every minute, from cron): claims untouched for `staleAfterMs` go
 * back to pending (or cancelled, for a run being cancelled) with their holds released, and their
 * batch is enqueued again; batches whose job was lost are enqueued again; runs left with nothing
 * open are finished. A dead worker's own job, if it ever runs again, finds nothing to claim.
 */
export async function reapStaleClaims(
  db: Database,
  opts: { staleAfterMs: number; requeue: Requeue; log: Logger },
): Promise<{ reaped: number; requeued: number; finished: number }> {
  const stale = await reapStaleItems(db, opts.staleAfterMs);
  const batches = new Map<string, { workspaceId: string; runId: string; batch: number }>();
  for (const s of stale) {
    await releaseRunHolds(db, s.workspace_id, s.run_id, s.claimed_by);
    if (s.run_status === "queued" || s.run_status === "running") {
      batches.set(`${s.run_id}:${s.batch}`, { workspaceId: s.workspace_id, runId: s.run_id, batch: s.batch });
    }
  }
  // A dead worker may also have held a batch's job before claiming its items: its items stay
  // pending and its job locked. Enqueuing a batch again is always safe (a locked job is left to
  // finish and a new one made; claims are `skip locked`, so no item is worked twice).
  for (const b of await overdueBatches(db, opts.staleAfterMs)) {
    batches.set(`${b.run_id}:${b.batch}`, { workspaceId: b.workspace_id, runId: b.run_id, batch: b.batch });
  }
  for (const b of batches.values()) await opts.requeue(db, b, new Date());
  let finished = 0;
  for (const r of await unfinishedIdleRuns(db)) {
    if (await finishRunIfDone(db, r.workspace_id, r.id)) finished += 1;
  }
  if (stale.length || batches.size || finished) {
    opts.log.info({ reaped: stale.length, requeued: batches.size, finished }, "enrichment claims reaped");
  }
  return { reaped: stale.length, requeued: batches.size, finished };
}
