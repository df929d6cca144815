import { captureHold } from "@quarry/credits/services/capture-hold";
import { withTx } from "@quarry/db/with-tx";
import type { EntityDef } from "@quarry/records/schemas/entities";
import { applyEnrichedValues, type EnrichedFieldValue } from "@quarry/records/services/apply-enriched-values";
import type { EnrichedValue, ProviderDefinition } from "../providers/provider.ts";
import { insertLookups, type NewLookup } from "../queries/lookups.queries.ts";
import { type ItemOutcome, lockClaimed, settleItems } from "../queries/run-items.queries.ts";
import type { CallScope } from "./call-provider.ts";
import type { EnrichmentCtx } from "./deps.ts";
import { recordsContext } from "./run-selection.ts";

/** One (record, field) item as the claim works it. */
export interface Work {
  recordId: string;
  field: string;
  step: number;
  attempts: number;
  /** The last provider error, shown if no later provider finds a value. */
  lastError: string | null;
  /** Whether any provider was asked (false: none could look the record up). */
  tried: boolean;
  /** The best value below the threshold, to say why nothing was used. */
  bestLowConfidence: number | null;
}

/** The claim no longer holds the items (the reaper gave them to another worker): write nothing. */
export class LostClaim extends Error {}

/** The call's hold has nothing left to capture (released under us): the items go back to pending. */
export class HoldExhausted extends Error {}

/**
 * Uses a provider's confident values for one record, in one transaction: checks the claim still
 * holds the items (a reaped claim writes nothing), writes values, provenance and the activity row
 * (records service), marks the items found (or skipped with the reason the value was not used),
 * logs the lookup with what it cost, and — last, so the ledger lock is held only to the commit —
 * captures one charge per value used, keyed `capture:<run>:<record>:<field>`.
 */
export async function applyFound(
  scope: CallScope,
  actor: { id: string } | null,
  entity: EntityDef,
  provider: ProviderDefinition,
  run: { overwrite: boolean },
  hold: { holdId: string } | null,
  found: Array<{ work: Work; value: EnrichedValue }>,
  lookup: NewLookup | null,
): Promise<void> {
  const { workspaceId, runId, claimId } = scope;
  const first = found[0];
  if (!first) return;
  const recordId = first.work.recordId;
  const fetchedAt = lookup?.fetchedAt ?? new Date();
  await withTx(scope.db, async (db) => {
    const lost = await lockClaimed(
      db,
      workspaceId,
      runId,
      claimId,
      found.map((f) => f.work),
    );
    if (lost.length > 0) throw new LostClaim(`claim ${claimId} no longer holds ${recordId}`);
    const ctx: EnrichmentCtx = { db, workspaceId, actor, log: scope.log };
    const values: EnrichedFieldValue[] = found.map((f) => ({
      field: f.work.field,
      value: f.value.value,
      provider: provider.id,
      confidence: f.value.confidence,
      verification: f.value.verification ?? "unknown",
      fetchedAt,
      sandbox: provider.kind === "sandbox",
    }));
    const result = await applyEnrichedValues(recordsContext(ctx), entity, recordId, values, {
      overwrite: run.overwrite,
      runId,
    });
    const payer = provider.costCredits > 0 ? hold : null;
    const charged = payer ? result.applied : [];
    const skipped = new Map(result.skipped.map((s) => [s.field, s.reason]));
    const outcomes: ItemOutcome[] = found.map(({ work }) => ({
      recordId,
      field: work.field,
      status: skipped.has(work.field) ? "skipped" : "found",
      step: work.step,
      attempts: work.attempts,
      provider: provider.id,
      error: skipped.get(work.field) ?? null,
    }));
    await settleItems(db, workspaceId, runId, claimId, outcomes);
    if (lookup) await insertLookups(db, [{ ...lookup, cost: charged.length * provider.costCredits }]);
    // Captures last: each takes the workspace's ledger lock until this transaction commits, so
    // every other write of the record is done before it. A refused capture rolls all of it back.
    if (!payer) return;
    for (const field of charged) {
      const capture = await captureHold(db, {
        workspaceId,
        holdId: payer.holdId,
        amount: provider.costCredits,
        idempotencyKey: `capture:${runId}:${recordId}:${field}`,
        runId,
        recordId,
        field,
        provider: provider.id,
      });
      if (!capture.captured) throw new HoldExhausted(`hold ${payer.holdId} has nothing left for ${field}`);
    }
  });
}
