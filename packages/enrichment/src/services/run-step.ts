import type { ProviderDefinition } from "../providers/provider.ts";
import { insertLookups } from "../queries/lookups.queries.ts";
import type { ItemOutcome } from "../queries/run-items.queries.ts";
import { settleItems } from "../queries/run-items.queries.ts";
import { applyAnswers, type ChunkAnswers, HoldExhausted, LostClaim } from "./apply-outcome.ts";
import { retryDelayMs } from "./backoff.ts";
import { type CallScope, callProvider, type HoldRef, reserveCredits } from "./call-provider.ts";
import { releaseCallHold } from "./finish-run.ts";
import { chargeableValues, type Halt, type Round } from "./round.ts";
import { inputsOf, type StepOutcome, settleAnswer } from "./step-outcome.ts";
import type { Work } from "./work.ts";

export type StepResult = { kind: "settled"; settled: Work[] } | Halt;

/** One provider call (a chunk of records) and its answers written in one transaction. */
export async function runStep({
  round,
  chunk,
}: {
  round: Round;
  chunk: readonly string[];
}): Promise<StepResult> {
  const { scope, provider, run, byRecord } = round;
  const { db, workspaceId } = scope.ctx;
  const answers = new Map<string, StepOutcome>();
  for (const id of chunk) {
    const stored = round.reused.get(id);
    if (stored) answers.set(id, stored);
  }
  const toCall = chunk.filter((id) => !answers.has(id));
  // The hold covers every value the chunk may use: fresh ones and re-used ones alike.
  const wanted = chargeableValues(chunk, round);
  const covered = round.hold !== null;
  let hold: HoldRef | null = null;
  try {
    if (toCall.length === 0) {
      const reserved = await reserveCredits({ scope, provider, valuesWanted: wanted, covered });
      hold = reserved.hold;
      if (reserved.kind === "stopped") return reserved;
    } else {
      const result = await callProvider({
        scope,
        provider,
        inputs: toCall.map(round.inputOf),
        valuesWanted: wanted,
        credentials: round.credentials,
        covered,
      });
      hold = result.hold;
      if (result.kind === "interrupted") return result;
      if (result.kind === "stopped") {
        // A call cut by cancel is logged as aborted: the vendor saw the request (and may bill it).
        if (result.abortedAfterMs !== undefined) {
          const answer: StepOutcome = {
            outcome: {
              status: "error",
              retryable: false,
              code: "aborted",
              message: "The run was cancelled.",
            },
            fetchedAt: new Date(),
            latencyMs: result.abortedAfterMs,
            reused: false,
          };
          await insertLookups(
            db,
            toCall.map((id) => inputsOf(scope, run, provider, round.inputOf(id), answer)),
          );
        }
        return result;
      }
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
      const plan = settleAnswer(scope, provider, byRecord.get(id) ?? [], answer, round.threshold);
      chunkAnswers.found.push(...plan.found);
      chunkAnswers.retry.push(...plan.retry);
      retryWorks.push(...plan.retryWorks);
      if (!answer.reused)
        chunkAnswers.lookups.set(id, inputsOf(scope, run, provider, round.inputOf(id), answer));
    }
    const payer = hold ?? round.hold;
    try {
      await applyAnswers({ round, payer, answers: chunkAnswers });
    } catch (error) {
      if (error instanceof HoldExhausted) {
        // Nothing was written: the found items count an attempt and go back to pending, unpaid,
        // to be looked up again after a backoff — or fail once their attempts are used up.
        const again = chunkAnswers.found.map(({ work }) => exhaustedOutcome(scope, provider, work));
        await settleItems(db, workspaceId, run.id, scope.claimId, [...again, ...chunkAnswers.retry]);
      } else if (error instanceof LostClaim) {
        scope.ctx.log.info({ err: error.message }, "claim lost; leaving the items to their new owner");
      } else throw error;
    }
    return { kind: "settled", settled: [...chunkAnswers.found.map((f) => f.work), ...retryWorks] };
  } finally {
    if (hold) await releaseCallHold(db, workspaceId, run.id, hold.key, hold.holdId);
  }
}

/** A found item whose charge the hold could not cover: one attempt used; pending again, or failed when none is left. */
function exhaustedOutcome(scope: CallScope, provider: ProviderDefinition, work: Work): ItemOutcome {
  const { maxAttempts, backoffBaseMs, backoffMaxMs } = scope.deps.timing;
  const attempts = work.attempts + 1;
  const reason = `${provider.name}: the credits held for this value were gone before it was charged`;
  if (attempts >= maxAttempts) {
    return {
      ...work,
      attempts,
      status: "failed",
      provider: null,
      error: `${reason} (gave up after ${attempts} attempts)`,
    };
  }
  const delay = retryDelayMs(attempts, { baseMs: backoffBaseMs, maxMs: backoffMaxMs });
  return {
    ...work,
    attempts,
    status: "pending",
    provider: null,
    error: `${reason} (retrying)`,
    nextAttemptAt: new Date(Date.now() + delay),
  };
}
