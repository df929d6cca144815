import { captureCharges } from "@quarry/credits/services/capture-charges";
import { withTx } from "@quarry/db/with-tx";
import type { EntityDef } from "@quarry/records/schemas/entities";
import {
  type ApplyResult,
  applyEnrichedValuesBatch,
  type EnrichedFieldValue,
} from "@quarry/records/services/apply-enriched-values";
import type { EnrichedValue, ProviderDefinition } from "../providers/provider.ts";
import { insertLookups, type NewLookup } from "../queries/lookups.queries.ts";
import { type ItemOutcome, lockClaimed, settleItems } from "../queries/run-items.queries.ts";
import type { CallScope, HoldRef } from "./call-provider.ts";
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

/** The hold has nothing left to capture (released under us): the items go back to pending. */
export class HoldExhausted extends Error {}

/** What one provider call (a chunk of records) came to, to be written together. */
export interface ChunkAnswers {
  /** Confident values to use, per item. */
  found: Array<{ work: Work; value: EnrichedValue }>;
  /** Items going back to pending after a backoff. */
  retry: ItemOutcome[];
  /** Fresh lookups to log (re-used answers are not logged again), by record; cost is filled in here. */
  lookups: Map<string, NewLookup>;
}

/**
 * Writes one provider call's answers in one transaction, with a constant number of statements
 * however many records the call covered: checks the claim still holds the found items (a reaped
 * claim writes nothing), writes values, provenance and activity rows (records service, set-based),
 * settles the items (found, or skipped with the reason a value was not used; retries back to
 * pending), logs the lookups with what each cost, and — last, so the hold's lock is held only to
 * the commit — captures one charge per value used, keyed `capture:<run>:<record>:<field>`. A
 * refused capture (the hold was released under us) rolls all of it back: HoldExhausted.
 */
export async function applyAnswers(
  scope: CallScope,
  actor: { id: string } | null,
  entity: EntityDef,
  provider: ProviderDefinition,
  run: { overwrite: boolean },
  payer: HoldRef | null,
  answers: ChunkAnswers,
): Promise<void> {
  const { workspaceId, runId, claimId } = scope;
  const fetchedAt = new Date();
  await withTx(scope.db, async (db) => {
    const works = answers.found.map((f) => f.work);
    const lost = await lockClaimed(db, workspaceId, runId, claimId, works);
    if (lost.length > 0) throw new LostClaim(`claim ${claimId} no longer holds ${lost.length} items`);
    const byRecord = new Map<string, { recordId: string; values: EnrichedFieldValue[] }>();
    for (const { work, value } of answers.found) {
      const entry = byRecord.get(work.recordId) ?? { recordId: work.recordId, values: [] };
      entry.values.push({
        field: work.field,
        value: value.value,
        provider: provider.id,
        confidence: value.confidence,
        verification: value.verification ?? "unknown",
        fetchedAt: answers.lookups.get(work.recordId)?.fetchedAt ?? fetchedAt,
        sandbox: provider.kind === "sandbox",
      });
      byRecord.set(work.recordId, entry);
    }
    const ctx: EnrichmentCtx = { db, workspaceId, actor, log: scope.log };
    const results =
      byRecord.size > 0
        ? await applyEnrichedValuesBatch(recordsContext(ctx), entity, [...byRecord.values()], {
            overwrite: run.overwrite,
            runId,
          })
        : new Map<string, ApplyResult>();
    const paid = payer !== null && provider.costCredits > 0;
    const charges: Array<{ recordId: string; field: string; amount: number }> = [];
    const outcomes: ItemOutcome[] = answers.found.map(({ work }) => {
      const result = results.get(work.recordId);
      const reason = result?.skipped.find((s) => s.field === work.field)?.reason ?? null;
      if (!reason && paid)
        charges.push({ recordId: work.recordId, field: work.field, amount: provider.costCredits });
      return {
        recordId: work.recordId,
        field: work.field,
        status: reason ? "skipped" : "found",
        step: work.step,
        attempts: work.attempts,
        provider: provider.id,
        error: reason,
      };
    });
    await settleItems(db, workspaceId, runId, claimId, [...outcomes, ...answers.retry]);
    const charged = new Map<string, number>();
    for (const c of charges) charged.set(c.recordId, (charged.get(c.recordId) ?? 0) + c.amount);
    await insertLookups(
      db,
      [...answers.lookups.values()].map((l) => ({ ...l, cost: charged.get(l.recordId) ?? 0 })),
    );
    // Captures last: the hold's lock is then held only until this transaction commits.
    if (!payer || charges.length === 0) return;
    const capture = await captureCharges(db, {
      workspaceId,
      holdId: payer.holdId,
      runId,
      provider: provider.id,
      charges,
    });
    if (!capture.captured)
      throw new HoldExhausted(`hold ${payer.holdId} has not enough left for ${charges.length} values`);
  });
}
