import { captureCharges } from "@quarry/credits/services/capture-charges";
import { withTx } from "@quarry/db/with-tx";
import {
  type ApplyResult,
  applyEnrichedValuesBatch,
  type EnrichedFieldValue,
} from "@quarry/records/services/apply-enriched-values";
import type { EnrichedValue } from "../providers/provider.ts";
import { insertLookups, type NewLookup } from "../queries/lookups.queries.ts";
import { type ItemOutcome, markSettled, settleItems } from "../queries/run-items.queries.ts";
import type { HoldRef } from "./call-provider.ts";
import type { Round } from "./round.ts";
import type { Work } from "./work.ts";

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
 * however many records the call covered: settles the items (found; retries back to pending) only
 * if the claim still holds them all (a reaped claim writes nothing: LostClaim), writes values,
 * provenance and activity rows (records service, set-based), marks found items whose value was not
 * used as skipped with the reason, logs the lookups with what each cost, and — last, so the hold's
 * lock is held only to the commit — captures one charge per value used, keyed
 * `capture:<run>:<record>:<field>`. A refused capture (the hold was released under us) rolls all
 * of it back: HoldExhausted.
 */
export async function applyAnswers({
  round,
  payer,
  answers,
}: {
  round: Pick<Round, "scope" | "def" | "provider" | "run">;
  payer: HoldRef | null;
  answers: ChunkAnswers;
}): Promise<void> {
  const { scope, def: entity, provider, run } = round;
  const { runId, claimId } = scope;
  const { workspaceId } = scope.ctx;
  const fetchedAt = new Date();
  await withTx(scope.ctx.db, async (db) => {
    // The items first: settling them is the fence (only items this claim still holds are written;
    // a reaped claim writes nothing) and locks them. Values that end up unused are marked below.
    const found: ItemOutcome[] = answers.found.map(({ work }) => ({
      recordId: work.recordId,
      field: work.field,
      status: "found",
      step: work.step,
      attempts: work.attempts,
      provider: provider.id,
      error: null,
    }));
    const expected = found.length + answers.retry.length;
    const written = await settleItems(db, workspaceId, runId, claimId, [...found, ...answers.retry]);
    if (written < expected)
      throw new LostClaim(`claim ${claimId} no longer holds ${expected - written} items`);
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
    const results =
      byRecord.size > 0
        ? await applyEnrichedValuesBatch({ ...scope.ctx, db }, entity, [...byRecord.values()], {
            overwrite: run.overwrite,
            runId,
          })
        : new Map<string, ApplyResult>();
    const paid = payer !== null && provider.costCredits > 0;
    const charges: Array<{ recordId: string; field: string; amount: number }> = [];
    const skipped: ItemOutcome[] = [];
    for (const item of found) {
      const reason = results.get(item.recordId)?.skipped.find((s) => s.field === item.field)?.reason;
      if (reason) skipped.push({ ...item, status: "skipped", error: reason });
      else if (paid)
        charges.push({ recordId: item.recordId, field: item.field, amount: provider.costCredits });
    }
    await markSettled(db, workspaceId, runId, skipped);
    const charged = new Map<string, number>();
    for (const c of charges) charged.set(c.recordId, (charged.get(c.recordId) ?? 0) + c.amount);
    await insertLookups(
      db,
      [...answers.lookups.values()].map((l) => ({ ...l, cost: charged.get(l.recordId) ?? 0 })),
    );
    // Captures last: the hold's lock is then held only until this transaction commits.
    if (!payer || charges.length === 0) return;
    const capture = await captureCharges(
      { ...scope.ctx, db },
      {
        holdId: payer.holdId,
        runId,
        provider: provider.id,
        charges,
      },
    );
    if (!capture.captured)
      throw new HoldExhausted(`hold ${payer.holdId} has not enough left for ${charges.length} values`);
  });
}
