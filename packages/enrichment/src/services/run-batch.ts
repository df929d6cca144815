/**
 * Enrichment runs — how the pieces fit (issue items 5–8).
 *
 * - A run snapshots its records into (record, field) items at creation (fields holding a value are
 *   "skipped" with the reason unless overwrite) and enqueues one graphile-worker job per batch of
 *   `batchRecords` records (job key per batch), in the same transaction.
 * - A batch job claims its due pending items (`for update skip locked`, claimed_by = a fresh claim
 *   id) and walks each item's waterfall (workspace order, else the registry default) until a value
 *   at or above the workspace threshold (default 70) is found; later providers are not called.
 *   Every write about an item is fenced on its claim id, so a reaped-then-resumed worker writes
 *   nothing, and two workers never work one (record, field).
 * - Each round of a claim takes every open item at one provider: answers this run already has
 *   are re-used, one credit hold covers the round's worst case (`hold:<run>:<batch>:<provider>:
 *   <nonce>:<claim>`, recorded in enrichment_run_holds in the same transaction; when the workspace
 *   cannot cover the whole round, each call holds its own worst case instead, so a nearly empty
 *   balance is spent to the last call it pays for), and the records are called in chunks of the
 *   provider's batch size, `callConcurrency` calls at a time (one under a spend cap).
 * - Before each provider call: spend caps, then (without a round hold) the call's own hold, then
 *   a slot from the shared PostgreSQL rate limiter (provider_rate_buckets, per workspace and
 *   provider — the vendor limit is per key; slots perMs/requests apart, i.e. a token bucket of
 *   burst 1, so any window holds at most limit + 1 calls), then the run status (`for share`: a call
 *   starts before a cancel commits or not at all). Not enough credits or a cap → the run stops
 *   with the ledger's message; remaining items are cancelled with it.
 * - Each call's answers are used in one transaction with a constant number of statements: values
 *   + provenance + activity (records.applyEnrichedValuesBatch), items found or skipped, retries
 *   back to pending, lookups logged with their cost, and last one multi-row capture
 *   (credits.captureCharges) keyed `capture:<run>:<record>:<field>` per value. The rest of a hold
 *   is released after its round (or call). The ledger refuses a second capture for a (run,
 *   record, field) whatever the key, so a value is charged exactly once however often a batch is
 *   re-run.
 * - Retryable errors (429, 5xx, timeout) send items back to pending after an exponential backoff
 *   with jitter that honours Retry-After, and the job re-enqueues itself for then; after
 *   `maxAttempts` the item moves on to the next provider. Permanent errors move on at once.
 *   Calls where every record failed feed the circuit breaker (provider_health): paused providers
 *   are skipped (and shown degraded) until the pause ends. A batch that throws counts an attempt on
 *   each item it held (backoff, then failed with the reason after `maxAttempts`), so a batch that
 *   always throws ends; a run whose items all failed ends "failed". An item with no provider left ends
 *   failed (some provider could not answer), not_found, or skipped (none could look it up).
 * - Lookups already answered in this run (enrichment_records) are re-used, not re-called, when a
 *   batch resumes. Dead workers: enrichment/reap-stale-claims (every minute) returns claims not
 *   touched for `staleAfterMs` (live workers touch theirs every `heartbeatMs`) to pending,
 *   releases their holds and re-enqueues their batch; the run ends when nothing is open, and any
 *   hold left is released then. A worker shutting down (graphile-worker's abort signal) stops its
 *   batches at the next call boundary; their unfinished items go back to pending for the next worker.
 */
import { randomUUID } from "node:crypto";
import type { Database } from "@quarry/db/client";
import type { ServiceCtx } from "@quarry/db/service-context";
import { withTx } from "@quarry/db/with-tx";
import {
  cancelClaimedItems,
  cancelPendingItems,
  claimItems,
  failClaimedItems,
  nextDueAt,
  returnClaimedItems,
  touchClaim,
} from "../queries/run-items.queries.ts";
import { findRun, markRunRunning, stopRunRow } from "../queries/runs.queries.ts";
import { ACTIVE_RUN, type CallScope } from "./call-provider.ts";
import { CANCELLED_REASON } from "./cancel-run.ts";
import type { EnrichmentDeps } from "./deps.ts";
import { finishRunIfDone, releaseRunHolds } from "./finish-run.ts";
import { runContext } from "./run-selection.ts";
import { workClaim } from "./work-claim.ts";

export interface BatchPayload {
  workspaceId: string;
  runId: string;
  batch: number;
}

/** Adds the batch's job again (same job key) to run at `runAt`: how retries after a backoff happen. */
export type Requeue = (db: Database, payload: BatchPayload, runAt: Date) => Promise<void>;

/**
 * One batch job: claims the batch's due items (nobody else can work them while claimed), works
 * them through their waterfalls, re-enqueues itself for items waiting on a backoff, and ends the
 * run when nothing is left open. Safe to run twice or after a crash: everything is keyed on
 * (run, record, field) and fenced on the claim. `ctx` is the task's, in the payload's workspace;
 * the claim's work acts for the run's creator (runContext).
 */
export async function runBatch(
  ctx: ServiceCtx,
  deps: EnrichmentDeps,
  payload: BatchPayload,
  opts: {
    requeue: Requeue;
    /** The worker is shutting down: the batch stops at its next call boundary. */
    signal?: AbortSignal | undefined;
  },
): Promise<void> {
  const { db, log } = ctx;
  const { workspaceId, runId, batch } = payload;
  const run = await findRun(db, workspaceId, runId);
  if (!run || run.finished_at) return;
  if (ACTIVE_RUN.has(run.status)) {
    await markRunRunning(db, workspaceId, runId);
    const claimId = randomUUID();
    const claimed = await claimItems(db, workspaceId, runId, batch, claimId);
    if (claimed.length > 0) {
      const scope: CallScope = {
        ctx: runContext(ctx, run.created_by),
        deps,
        runId,
        batch,
        claimId,
        signal: opts.signal,
      };
      const heartbeat = setInterval(() => {
        touchClaim(db, workspaceId, runId, claimId).catch(() => {});
      }, deps.timing.heartbeatMs);
      try {
        const result = await workClaim({ scope, run, claimed }).catch(async (error: unknown) => {
          // Handled here, not by the job's retries: the reaper would re-enqueue the batch with its
          // attempts reset, so a batch that always throws would loop. Each try counts an attempt.
          log.error({ err: error, runId, batch }, "enrichment batch failed");
          const { maxAttempts, backoffBaseMs, backoffMaxMs } = deps.timing;
          const message = error instanceof Error ? error.message : String(error);
          await failClaimedItems(db, workspaceId, runId, claimId, {
            reason: `The batch failed: ${message}`,
            maxAttempts,
            backoffBaseMs,
            backoffMaxMs,
          });
          return { kind: "done" } as const;
        });
        if (result.kind === "interrupted") {
          await returnClaimedItems(db, workspaceId, runId, claimId);
          log.info({ runId, batch }, "enrichment batch interrupted by worker shutdown");
        } else if (result.kind === "stopped") {
          if (result.reason) {
            await withTx(db, async (trx) => {
              await stopRunRow(trx, workspaceId, runId, result.reason ?? "");
              await cancelPendingItems(trx, workspaceId, runId, result.reason ?? "");
            });
            log.info({ runId, reason: result.reason }, "enrichment run stopped");
          }
          const current = await findRun(db, workspaceId, runId);
          await cancelClaimedItems(db, workspaceId, runId, claimId, current?.stop_reason ?? CANCELLED_REASON);
        }
      } finally {
        clearInterval(heartbeat);
        await releaseRunHolds(db, workspaceId, runId, claimId);
      }
    }
    const due = await nextDueAt(db, workspaceId, runId, batch);
    if (due) await opts.requeue(db, payload, due);
  }
  await finishRunIfDone(db, workspaceId, runId);
}
