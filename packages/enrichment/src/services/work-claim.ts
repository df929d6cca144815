import { getCreditSettings } from "@quarry/credits/services/get-credit-settings";
import { type SelectedRecord, selectRecords } from "@quarry/records/services/select-records";
import {
  canLookUp,
  type EnrichEntity,
  type ProviderDefinition,
  type ProviderInput,
} from "../providers/provider.ts";
import { findRunLookups } from "../queries/lookups.queries.ts";
import { providerHealthState } from "../queries/provider-health.queries.ts";
import { type ItemOutcome, type ItemRow, settleItems } from "../queries/run-items.queries.ts";
import type { RunRow } from "../queries/runs.queries.ts";
import { applyAnswers, type ChunkAnswers, HoldExhausted, LostClaim, type Work } from "./apply-outcome.ts";
import { type CallScope, callProvider, type HoldRef, placeRunHold } from "./call-provider.ts";
import type { ProviderCredentials } from "./deps.ts";
import { releaseCallHold } from "./finish-run.ts";
import { entityDef, recordsContext } from "./run-selection.ts";
import { answerOf, inputsOf, type StepOutcome, settleAnswer } from "./step-outcome.ts";
import { loadThreshold, loadWaterfalls } from "./waterfall.ts";

/**
 * Works one claim's items through their waterfalls. Each round picks the provider the first open
 * item is at, calls it for every open item at that provider (records grouped, in chunks of the
 * provider's batch size), and moves each item on: found (values at or above the threshold are
 * used and charged), on to the next provider (not found, low confidence, permanent error, or
 * retries used up), or back to pending with a backoff (retryable error). Returns "stopped" when
 * the run stopped or was cancelled; the caller then cancels what the claim still holds.
 */
export async function workClaim(
  scope: CallScope,
  run: RunRow,
  claimed: readonly ItemRow[],
): Promise<{ kind: "done" } | { kind: "stopped"; reason: string | null }> {
  const { db, deps, workspaceId } = scope;
  const entity: EnrichEntity = run.entity === "company" ? "company" : "contact";
  const def = entityDef(entity);
  const ctx = { db, workspaceId, actor: run.created_by ? { id: run.created_by } : null, log: scope.log };
  const ids = [...new Set(claimed.map((c) => c.record_id))];
  // Only a record claimed before can have answers in this run (they are written with its items).
  const resumed = new Set(claimed.filter((c) => c.claims > 1).map((c) => c.record_id));
  const records = new Map<string, SelectedRecord>(
    (await selectRecords(recordsContext(ctx), def, { ids }, ids.length)).records.map((r) => [r.id, r]),
  );
  const threshold = await loadThreshold(db, workspaceId);
  // Caps are checked against what was spent, so calls in flight together could each pass one: with
  // a cap set, a job makes one call at a time (other jobs' calls in flight are the only overrun).
  const caps = await getCreditSettings(db, workspaceId);
  const lanes = caps.runCap !== null || caps.monthlyCap !== null ? 1 : deps.timing.callConcurrency;
  const waterfalls = await loadWaterfalls(db, deps, workspaceId, entity, run.fields);
  const credentials = new Map<string, ProviderCredentials>();
  let open: Work[] = claimed.map((c) => ({
    recordId: c.record_id,
    field: c.field,
    step: c.step,
    attempts: c.attempts,
    lastError: c.error,
    tried: c.step > 0,
    bestLowConfidence: null,
  }));
  const orderOf = (w: Work) => waterfalls.get(w.field)?.providers ?? [];
  const inputOf = (recordId: string): ProviderInput => ({
    entity,
    recordId,
    values: records.get(recordId)?.values ?? {},
  });

  for (;;) {
    const { paused, failing } = await providerHealthState(db, workspaceId);
    const roundScope: CallScope = { ...scope, failing };
    const usable = async (p: ProviderDefinition, recordId: string) => {
      if (paused.has(p.id) || !canLookUp(p, inputOf(recordId))) return false;
      if (!credentials.has(p.id)) {
        // A key that cannot be read (e.g. its encryption key was retired) makes the provider unusable, not the run.
        const creds = await deps.credentials(db, workspaceId, p).catch((error: unknown) => {
          scope.log.error({ err: error, provider: p.id }, "provider credentials unreadable");
          return null;
        });
        credentials.set(p.id, creds);
      }
      return !p.needsApiKey || credentials.get(p.id) != null;
    };
    const finals: ItemOutcome[] = [];
    const next: Work[] = [];
    for (const w of open) {
      if (!records.has(w.recordId)) {
        finals.push(final(w, "skipped", "The record was deleted."));
        continue;
      }
      const order = orderOf(w);
      while (w.step < order.length) {
        const p = order[w.step];
        if (p && (await usable(p, w.recordId))) break;
        w.step += 1;
      }
      if (w.step < order.length) next.push(w);
      else finals.push(endOfWaterfall(w, threshold));
    }
    await settleItems(db, workspaceId, run.id, scope.claimId, finals);
    open = next;
    const head = open[0];
    const provider = head ? orderOf(head)[head.step] : undefined;
    if (!head || !provider) return { kind: "done" };

    const group = open.filter((w) => orderOf(w)[w.step]?.id === provider.id);
    const outcome = await runRound(roundScope, ctx.actor, run, def, provider, group, threshold, {
      lanes,
      resumed,
      inputOf,
      credentials: credentials.get(provider.id) ?? null,
    });
    if (outcome.kind === "stopped") return outcome;
    open = open.filter((w) => !outcome.settled.has(w));
  }
}

function final(w: Work, status: ItemOutcome["status"], error: string | null): ItemOutcome {
  return { ...w, status, provider: null, error };
}

/** No provider left: failed if one could not answer, not found if all answered, skipped if none could look it up. */
function endOfWaterfall(w: Work, threshold: number): ItemOutcome {
  if (w.lastError) return final(w, "failed", w.lastError);
  if (!w.tried) {
    return final(
      w,
      "skipped",
      "No provider in the waterfall can look this record up (missing inputs or API key).",
    );
  }
  if (w.bestLowConfidence !== null) {
    return final(
      w,
      "not_found",
      `Best value had confidence ${w.bestLowConfidence}, below the threshold of ${threshold}.`,
    );
  }
  return final(w, "not_found", null);
}

/** Values asked of a provider for these records: one per open item (field) of each. */
function valuesWanted(recordIds: readonly string[], byRecord: ReadonlyMap<string, readonly Work[]>): number {
  return recordIds.reduce((n, id) => n + (byRecord.get(id)?.length ?? 0), 0);
}

interface StepHelpers {
  /** Calls at once (callConcurrency, or 1 under a spend cap). */
  lanes: number;
  /** Records an earlier claim worked: their answers in this run are re-used. */
  resumed: ReadonlySet<string>;
  inputOf: (id: string) => ProviderInput;
  credentials: ProviderCredentials;
}

type StepResult = { kind: "settled"; settled: Work[] } | { kind: "stopped"; reason: string | null };

/**
 * One round: every open item at this provider. Answers this run already has are re-used; one
 * credit hold covers the round's worst case (the batch's hold — per call only when the workspace
 * cannot cover the round, so a nearly empty balance is still spent to the last call it pays for);
 * the records are called in chunks of the provider's batch size, `lanes` at a time.
 */
async function runRound(
  scope: CallScope,
  actor: { id: string } | null,
  run: RunRow,
  def: ReturnType<typeof entityDef>,
  provider: ProviderDefinition,
  group: readonly Work[],
  threshold: number,
  helpers: StepHelpers,
): Promise<{ kind: "settled"; settled: Set<Work> } | { kind: "stopped"; reason: string | null }> {
  const { db, workspaceId } = scope;
  const byRecord = new Map<string, Work[]>();
  for (const w of group) byRecord.set(w.recordId, [...(byRecord.get(w.recordId) ?? []), w]);
  const recordIds = [...byRecord.keys()];
  const reused = new Map<string, StepOutcome>();
  const asked = recordIds.filter((id) => helpers.resumed.has(id));
  for (const stored of await findRunLookups(db, workspaceId, run.id, provider.id, asked)) {
    reused.set(stored.record_id, { ...answerOf(stored), reused: true });
  }
  const chunks: string[][] = [];
  for (let i = 0; i < recordIds.length; i += provider.batchSize)
    chunks.push(recordIds.slice(i, i + provider.batchSize));
  const wanted = valuesWanted(
    recordIds.filter((id) => !reused.has(id)),
    byRecord,
  );
  let roundHold: HoldRef | null = null;
  if (chunks.length > 1 && wanted > 0 && provider.costCredits > 0) {
    const placed = await placeRunHold(scope, provider, wanted);
    if (placed.kind === "held") roundHold = placed.hold;
  }
  const settled = new Set<Work>();
  let stopped: { kind: "stopped"; reason: string | null } | null = null;
  try {
    let next = 0;
    const lane = async () => {
      for (let chunk = chunks[next++]; chunk && !stopped; chunk = chunks[next++]) {
        const outcome = await runStep(scope, actor, run, def, provider, chunk, byRecord, reused, threshold, {
          ...helpers,
          roundHold,
        });
        if (outcome.kind === "stopped") stopped ??= outcome;
        else for (const w of outcome.settled) settled.add(w);
      }
    };
    const lanes = Math.max(1, Math.min(helpers.lanes, chunks.length));
    // allSettled: every lane's call ends (and writes) before the round's hold is released.
    const ended = await Promise.allSettled(Array.from({ length: lanes }, lane));
    const failed = ended.find((e) => e.status === "rejected");
    if (failed) throw failed.reason;
  } finally {
    if (roundHold) await releaseCallHold(db, workspaceId, run.id, roundHold.key, roundHold.holdId);
  }
  return stopped ?? { kind: "settled", settled };
}

/** One provider call (a chunk of records) and its answers written in one transaction. */
async function runStep(
  scope: CallScope,
  actor: { id: string } | null,
  run: RunRow,
  def: ReturnType<typeof entityDef>,
  provider: ProviderDefinition,
  chunk: readonly string[],
  byRecord: Map<string, Work[]>,
  reused: ReadonlyMap<string, StepOutcome>,
  threshold: number,
  helpers: StepHelpers & { roundHold: HoldRef | null },
): Promise<StepResult> {
  const { db, workspaceId } = scope;
  const answers = new Map<string, StepOutcome>();
  for (const id of chunk) {
    const stored = reused.get(id);
    if (stored) answers.set(id, stored);
  }
  const toCall = chunk.filter((id) => !answers.has(id));
  let hold: HoldRef | null = null;
  try {
    if (toCall.length > 0) {
      const wanted = valuesWanted(toCall, byRecord);
      const inputs = toCall.map(helpers.inputOf);
      const result = await callProvider(
        scope,
        provider,
        inputs,
        wanted,
        helpers.credentials,
        helpers.roundHold !== null,
      );
      hold = result.hold;
      if (result.kind === "stopped") return result;
      toCall.forEach((id, i) => {
        const outcome = result.outcomes[i];
        if (outcome) {
          answers.set(id, {
            outcome,
            fetchedAt: result.fetchedAt,
            latencyMs: result.latencyMs,
            reused: false,
          });
        }
      });
    }
    const chunkAnswers: ChunkAnswers = { found: [], retry: [], lookups: new Map() };
    const retryWorks: Work[] = [];
    for (const id of chunk) {
      const answer = answers.get(id);
      if (!answer) continue;
      const plan = settleAnswer(scope, provider, byRecord.get(id) ?? [], answer, threshold);
      chunkAnswers.found.push(...plan.found);
      chunkAnswers.retry.push(...plan.retry);
      retryWorks.push(...plan.retryWorks);
      if (!answer.reused)
        chunkAnswers.lookups.set(id, inputsOf(scope, run, provider, helpers.inputOf(id), answer));
    }
    const payer = hold ?? helpers.roundHold;
    try {
      await applyAnswers(scope, actor, def, provider, run, payer, chunkAnswers);
    } catch (error) {
      if (error instanceof HoldExhausted) {
        // Nothing was written: the found items go back to pending, unpaid, to be looked up again.
        const again = chunkAnswers.found.map(({ work }) => ({
          ...work,
          status: "pending" as const,
          provider: null,
          error: null,
        }));
        await settleItems(db, workspaceId, run.id, scope.claimId, [...again, ...chunkAnswers.retry]);
      } else if (error instanceof LostClaim) {
        scope.log.info({ err: error.message }, "claim lost; leaving the items to their new owner");
      } else throw error;
    }
    return { kind: "settled", settled: [...chunkAnswers.found.map((f) => f.work), ...retryWorks] };
  } finally {
    if (hold) await releaseCallHold(db, workspaceId, run.id, hold.key, hold.holdId);
  }
}
