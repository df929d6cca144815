import { findRunLookups } from "../queries/lookups.queries.ts";
import { type HoldRef, placeRunHold } from "./call-provider.ts";
import { releaseCallHold } from "./finish-run.ts";
import { chargeableValues, type Halt, type Round, type RoundPlan } from "./round.ts";
import { runStep } from "./run-step.ts";
import { answerOf, type StepOutcome } from "./step-outcome.ts";
import type { Work } from "./work.ts";

/**
 * One round: every open item at this provider. Answers this run already has are re-used; one
 * credit hold covers the round's worst case (the batch's hold — per call only when the workspace
 * cannot cover the round, so a nearly empty balance is still spent to the last call it pays for);
 * the records are called in chunks of the provider's batch size, `lanes` at a time.
 */
export async function runRound({
  plan,
  group,
}: {
  plan: RoundPlan;
  group: readonly Work[];
}): Promise<{ kind: "settled"; settled: Set<Work> } | Halt> {
  const { scope, run, provider } = plan;
  const { db, workspaceId } = scope.ctx;
  const byRecord = new Map<string, Work[]>();
  for (const w of group) byRecord.set(w.recordId, [...(byRecord.get(w.recordId) ?? []), w]);
  const recordIds = [...byRecord.keys()];
  const reused = new Map<string, StepOutcome>();
  const asked = recordIds.filter((id) => plan.resumed.has(id));
  for (const stored of await findRunLookups(db, workspaceId, run.id, provider.id, asked)) {
    reused.set(stored.record_id, { ...answerOf(stored), reused: true });
  }
  const chunks: string[][] = [];
  for (let i = 0; i < recordIds.length; i += provider.batchSize)
    chunks.push(recordIds.slice(i, i + provider.batchSize));
  const wanted = chargeableValues(recordIds, { byRecord, reused });
  let hold: HoldRef | null = null;
  if (chunks.length > 1 && wanted > 0 && provider.costCredits > 0) {
    const placed = await placeRunHold(scope, provider, wanted);
    if (placed.kind === "held") hold = placed.hold;
  }
  const round: Round = { ...plan, byRecord, reused, hold };
  const settled = new Set<Work>();
  let stopped: Halt | null = null;
  try {
    let next = 0;
    const lane = async () => {
      for (let chunk = chunks[next++]; chunk && !stopped && !scope.signal?.aborted; chunk = chunks[next++]) {
        const outcome = await runStep({ round, chunk });
        if (outcome.kind !== "settled") stopped ??= outcome;
        else for (const w of outcome.settled) settled.add(w);
      }
    };
    const lanes = Math.max(1, Math.min(plan.lanes, chunks.length));
    // allSettled: every lane's call ends (and writes) before the round's hold is released.
    const ended = await Promise.allSettled(Array.from({ length: lanes }, lane));
    const failed = ended.find((e) => e.status === "rejected");
    if (failed) throw failed.reason;
  } finally {
    if (hold) await releaseCallHold(db, workspaceId, run.id, hold.key, hold.holdId);
  }
  if (!stopped && scope.signal?.aborted && settled.size < group.length) stopped = { kind: "interrupted" };
  return stopped ?? { kind: "settled", settled };
}
