import { randomUUID } from "node:crypto";
import { AppError } from "@quarry/core/app-error";
import { checkSpendCaps } from "@quarry/credits/services/check-spend-caps";
import { placeHold } from "@quarry/credits/services/place-hold";
import type { Database } from "@quarry/db/client";
import type { ServiceCtx } from "@quarry/db/service-context";
import { withTx } from "@quarry/db/with-tx";
import type { ProviderDefinition, ProviderInput, ProviderOutcome } from "../providers/provider.ts";
import { insertRunHold } from "../queries/holds.queries.ts";
import { recordProviderFailure, recordProviderSuccess } from "../queries/provider-health.queries.ts";
import { reserveRateSlot } from "../queries/rate-buckets.queries.ts";
import { runStatus } from "../queries/runs.queries.ts";
import type { EnrichmentDeps, ProviderCredentials } from "./deps.ts";
import { markProviderKeyUsed } from "./mark-provider-key-used.ts";
import { sleep } from "./sleep.ts";

export const ACTIVE_RUN = new Set(["queued", "running"]);

/**
 * Slots are spaced 5% wider than the vendor's limit: a worker's timer or event loop running late
 * can push a call toward the next one, and the headroom keeps that under the limit.
 */
export const RATE_HEADROOM = 1.05;

/**
 * How often a call waiting for its rate-limit slot re-reads the run status. Many calls may queue
 * for a slower vendor (every lane of every job); polling each at cancelPollMs loaded PostgreSQL
 * and the event loop enough to make calls start late.
 */
export const SLOT_WAIT_POLL_MS = 500;

export interface CallScope {
  /** The run's context: its workspace, acting for whoever started the run (see runContext). */
  ctx: ServiceCtx;
  deps: EnrichmentDeps;
  runId: string;
  batch: number;
  claimId: string;
  /** The worker is shutting down: no call starts after it aborts (calls in flight finish). */
  signal?: AbortSignal | undefined;
  /**
   * Providers on a failure streak as far as this claim knows (read each round): a success resets
   * the streak only for these. Absent: always reset.
   */
  failing?: Set<string>;
}

export type CallResult =
  | {
      kind: "answered";
      outcomes: ProviderOutcome[];
      latencyMs: number;
      fetchedAt: Date;
      hold: HoldRef | null;
    }
  /** The run is no longer active (cancelled, or stopped: `reason` says why when this call stopped it). */
  | {
      kind: "stopped";
      reason: string | null;
      hold: HoldRef | null;
      /** Set when cancel cut the call short after it was sent: how long it had been out. */
      abortedAfterMs?: number;
    }
  /** The worker is shutting down: the call did not start. */
  | { kind: "interrupted"; hold: HoldRef | null };

async function isActive(db: Database, workspaceId: string, runId: string): Promise<boolean> {
  const status = await runStatus(db, workspaceId, runId);
  return status !== null && ACTIVE_RUN.has(status);
}

/** Credits errors that end a run cleanly: not enough credits, a spend cap. */
function stopReasonOf(error: unknown): string | null {
  return error instanceof AppError && error.code === "CONFLICT" ? error.message : null;
}

export interface HoldRef {
  holdId: string;
  key: string;
}

/**
 * A credit hold for up to `valuesWanted` values from the provider (available → held) within the
 * spend caps, keyed per claim and call (`hold:<run>:<batch>:<provider>:<nonce>:<claim>`) and
 * recorded with the run in the same transaction, so a crash cannot lose track of it. "stopped"
 * with the ledger's message when the workspace has not enough credits or a cap would be passed.
 */
export async function placeRunHold(
  scope: CallScope,
  provider: ProviderDefinition,
  valuesWanted: number,
): Promise<{ kind: "held"; hold: HoldRef } | { kind: "stopped"; reason: string }> {
  const { runId } = scope;
  const { db, workspaceId } = scope.ctx;
  const amount = provider.costCredits * valuesWanted;
  const key = `hold:${runId}:${scope.batch}:${provider.id}:${randomUUID().slice(0, 8)}:${scope.claimId}`;
  try {
    const hold = await withTx(db, async (trx) => {
      // Caps count credits held: checked under the ledger lock the hold takes too, so holds in
      // flight together cannot pass a cap.
      const credits = { ...scope.ctx, db: trx };
      await checkSpendCaps(credits, { runId, amount });
      const placed = await placeHold(credits, {
        amount,
        idempotencyKey: key,
        runId,
        memo: `Enrichment run ${runId}: up to ${valuesWanted} values from ${provider.name}`,
      });
      await insertRunHold(trx, {
        workspaceId,
        runId,
        holdKey: key,
        holdId: placed.holdId,
        claimId: scope.claimId,
        amount,
      });
      return { holdId: placed.holdId, key };
    });
    return { kind: "held", hold };
  } catch (error) {
    const reason = stopReasonOf(error);
    if (reason) return { kind: "stopped", reason };
    throw error;
  }
}

/**
 * Credits for up to `valuesWanted` values before they are used: a hold for them (spend caps
 * checked in its transaction) unless the caller holds credits already (`covered`: the round's
 * hold, checked against the caps when it was placed). "stopped" with the ledger's message.
 */
export async function reserveCredits({
  scope,
  provider,
  valuesWanted,
  covered,
}: {
  scope: CallScope;
  provider: ProviderDefinition;
  valuesWanted: number;
  covered: boolean;
}): Promise<{ kind: "held"; hold: HoldRef | null } | { kind: "stopped"; reason: string; hold: null }> {
  if (covered || provider.costCredits * valuesWanted <= 0) return { kind: "held", hold: null };
  const placed = await placeRunHold(scope, provider, valuesWanted);
  return placed.kind === "stopped" ? { ...placed, hold: null } : placed;
}

/**
 * One provider call, in the order the guarantees need: a credit hold for its worst case within
 * the spend caps unless the caller holds credits for it already (`covered`: the batch's hold), a slot from
 * the shared rate limiter, then — as the last step before the call — the run status. The call
 * gets a signal that cancel (polled every `cancelPollMs`) and the per-call timeout abort. The
 * result's `hold` is the call's own hold, for the caller to capture against and release.
 */
export async function callProvider({
  scope,
  provider,
  inputs,
  valuesWanted,
  credentials,
  covered = false,
}: {
  scope: CallScope;
  provider: ProviderDefinition;
  inputs: readonly ProviderInput[];
  /** Values the call may yield (one per open item of each record): sizes its hold and caps check. */
  valuesWanted: number;
  credentials: ProviderCredentials;
  /** The caller holds credits for this call already (the round's hold). */
  covered?: boolean;
}): Promise<CallResult> {
  const { deps, runId } = scope;
  const { db, workspaceId } = scope.ctx;
  if (scope.signal?.aborted) return { kind: "interrupted", hold: null };
  const reserved = await reserveCredits({ scope, provider, valuesWanted, covered });
  if (reserved.kind === "stopped") return reserved;
  const { hold } = reserved;
  if (provider.rateLimit) {
    const interval = (provider.rateLimit.perMs / provider.rateLimit.requests) * RATE_HEADROOM;
    let wait = await reserveRateSlot(db, workspaceId, provider.id, interval);
    // A long wait for a slot notices a cancel within SLOT_WAIT_POLL_MS; the status read right
    // before the call is what guarantees no call starts after a cancel.
    while (wait > 0) {
      const step = Math.min(wait, Math.max(deps.timing.cancelPollMs, SLOT_WAIT_POLL_MS));
      await sleep(step, scope.signal);
      if (scope.signal?.aborted) return { kind: "interrupted", hold };
      wait -= step;
      if (wait > 0 && !(await isActive(db, workspaceId, runId)))
        return { kind: "stopped", reason: null, hold };
    }
  }
  if (!(await isActive(db, workspaceId, runId))) return { kind: "stopped", reason: null, hold };

  const controller = new AbortController();
  let cancelled = false;
  const poll = setInterval(() => {
    runStatus(db, workspaceId, runId)
      .then((s) => {
        if (!s || !ACTIVE_RUN.has(s)) {
          cancelled = true;
          controller.abort(new Error("The run was cancelled."));
        }
      })
      .catch(() => {});
  }, deps.timing.cancelPollMs);
  const timeout = setTimeout(
    () => controller.abort(new Error(`No answer within ${deps.timing.callTimeoutMs} ms`)),
    deps.timing.callTimeoutMs,
  );
  const started = Date.now();
  let outcomes: ProviderOutcome[];
  try {
    outcomes = await provider.enrich(inputs, {
      apiKey: credentials?.apiKey ?? null,
      baseUrl: credentials?.baseUrl ?? provider.defaultBaseUrl ?? "",
      signal: controller.signal,
      fetch: deps.fetch,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const code = controller.signal.aborted ? "timeout" : "exception";
    outcomes = inputs.map(() => ({ status: "error", retryable: true, code, message }));
  } finally {
    clearInterval(poll);
    clearTimeout(timeout);
  }
  // The key was sent (an error or a timeout included): the key's "last used" moves. Outside the
  // try, so a failed write cannot turn an answered call into errors that would be retried.
  await markProviderKeyUsed(db, workspaceId, provider.id);
  if (cancelled) return { kind: "stopped", reason: null, hold, abortedAfterMs: Date.now() - started };
  if (outcomes.length !== inputs.length) {
    const message = `${provider.name} answered ${outcomes.length} results for ${inputs.length} records`;
    outcomes = inputs.map(() => ({ status: "error", retryable: false, code: "bad_response", message }));
  }
  await recordHealth(scope, provider, outcomes);
  return { kind: "answered", outcomes, latencyMs: Date.now() - started, fetchedAt: new Date(), hold };
}

/** Non-retryable errors that still say the provider cannot be used now (private_address: the SSRF guard refused its address). */
const breakerCodes = new Set(["unauthorized", "quota_exceeded", "payment_required", "private_address"]);

/** Circuit breaker input: a call where every record failed for a provider-side reason counts as a failure. */
async function recordHealth(scope: CallScope, provider: ProviderDefinition, outcomes: ProviderOutcome[]) {
  const errors = outcomes.filter((o) => o.status === "error");
  if (errors.length < outcomes.length) {
    if (scope.failing && !scope.failing.has(provider.id)) return;
    await recordProviderSuccess(scope.ctx.db, scope.ctx.workspaceId, provider.id);
    scope.failing?.delete(provider.id);
    return;
  }
  const counted = errors.find((e) => e.retryable || breakerCodes.has(e.code));
  if (counted) {
    const { breakerThreshold, breakerPauseMs } = scope.deps.timing;
    scope.failing?.add(provider.id);
    await recordProviderFailure(
      scope.ctx.db,
      scope.ctx.workspaceId,
      provider.id,
      `${counted.code}: ${counted.message}`,
      breakerThreshold,
      breakerPauseMs,
    );
  }
}
