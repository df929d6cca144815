import { getCreditSettings } from "@quarry/credits/services/get-credit-settings";
import { type SelectedRecord, selectRecords } from "@quarry/records/services/select-records";
import {
  canLookUp,
  type EnrichEntity,
  type ProviderDefinition,
  type ProviderInput,
} from "../providers/provider.ts";
import { providerHealthState } from "../queries/provider-health.queries.ts";
import { type ItemOutcome, type ItemRow, settleItems } from "../queries/run-items.queries.ts";
import type { RunRow } from "../queries/runs.queries.ts";
import type { CallScope } from "./call-provider.ts";
import type { ProviderCredentials } from "./deps.ts";
import type { Halt } from "./round.ts";
import { runRound } from "./run-round.ts";
import { entityDef } from "./run-selection.ts";
import { loadThreshold, loadWaterfalls } from "./waterfall.ts";
import type { Work } from "./work.ts";

/**
 * Works one claim's items through their waterfalls. Each round picks the provider the first open
 * item is at, calls it for every open item at that provider (records grouped, in chunks of the
 * provider's batch size), and moves each item on: found (values at or above the threshold are
 * used and charged), on to the next provider (not found, low confidence, permanent error, or
 * retries used up), or back to pending with a backoff (retryable error). Returns "stopped" when
 * the run stopped or was cancelled (the caller then cancels what the claim still holds), and
 * "interrupted" when the worker is shutting down (the caller returns them to pending).
 */
export async function workClaim({
  scope,
  run,
  claimed,
}: {
  scope: CallScope;
  run: RunRow;
  claimed: readonly ItemRow[];
}): Promise<{ kind: "done" } | Halt> {
  const { deps } = scope;
  const { db, workspaceId } = scope.ctx;
  const entity: EnrichEntity = run.entity === "company" ? "company" : "contact";
  const def = entityDef(entity);
  const ids = [...new Set(claimed.map((c) => c.record_id))];
  // Only a record claimed before can have answers in this run (they are written with its items).
  const resumed = new Set(claimed.filter((c) => c.claims > 1).map((c) => c.record_id));
  const records = new Map<string, SelectedRecord>(
    (await selectRecords(scope.ctx, def, { ids }, ids.length)).records.map((r) => [r.id, r]),
  );
  const threshold = await loadThreshold(db, workspaceId);
  // Caps are checked against what was spent, so calls in flight together could each pass one: with
  // a cap set, a job makes one call at a time (other jobs' calls in flight are the only overrun).
  const caps = await getCreditSettings(scope.ctx);
  const lanes = caps.runCap !== null || caps.monthlyCap !== null ? 1 : deps.timing.callConcurrency;
  const waterfalls = await loadWaterfalls(db, deps, workspaceId, entity, run.fields, {
    testMode: run.test_mode,
  });
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
    // The worker is shutting down: stop at this call boundary; the claim's items go back to pending.
    if (scope.signal?.aborted) return { kind: "interrupted" };
    const { paused, failing } = await providerHealthState(db, workspaceId);
    const roundScope: CallScope = { ...scope, failing };
    const usable = async (p: ProviderDefinition, recordId: string) => {
      if (paused.has(p.id) || !canLookUp(p, inputOf(recordId))) return false;
      if (!credentials.has(p.id)) {
        // A key that cannot be read (e.g. its encryption key was retired) makes the provider unusable, not the run.
        const creds = await deps.credentials(db, workspaceId, p).catch((error: unknown) => {
          scope.ctx.log.error({ err: error, provider: p.id }, "provider credentials unreadable");
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
    const outcome = await runRound({
      plan: {
        scope: roundScope,
        run,
        def,
        provider,
        threshold,
        lanes,
        resumed,
        inputOf,
        credentials: credentials.get(provider.id) ?? null,
      },
      group,
    });
    if (outcome.kind !== "settled") return outcome;
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
