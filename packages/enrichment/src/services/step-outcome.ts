import { z } from "zod";
import type {
  EnrichedValue,
  ProviderDefinition,
  ProviderInput,
  ProviderOutcome,
} from "../providers/provider.ts";
import type { NewLookup, StoredLookup } from "../queries/lookups.queries.ts";
import type { ItemOutcome } from "../queries/run-items.queries.ts";
import type { RunRow } from "../queries/runs.queries.ts";
import { retryDelayMs } from "./backoff.ts";
import type { CallScope } from "./call-provider.ts";
import type { Work } from "./work.ts";

/** A provider's answer for one record: fresh from a call, or re-used from this run's lookups. */
export interface StepOutcome {
  outcome: ProviderOutcome;
  fetchedAt: Date;
  latencyMs: number;
  reused: boolean;
}

const storedValues = z.array(
  z.object({
    field: z.string(),
    value: z.unknown(),
    confidence: z.number(),
    verification: z.enum(["valid", "risky", "invalid", "unknown"]).optional(),
  }),
);

export function answerOf(stored: StoredLookup): Omit<StepOutcome, "reused"> {
  const values = storedValues.safeParse(stored.outputs);
  const outcome: ProviderOutcome =
    stored.status === "found" && values.success
      ? { status: "found", values: values.data as EnrichedValue[] }
      : { status: "not_found" };
  return { outcome, fetchedAt: stored.fetched_at, latencyMs: 0 };
}

/** The lookup row for enrichment_records: what was sent (the fields the provider reads) and answered. */
export function inputsOf(
  scope: CallScope,
  run: RunRow,
  provider: ProviderDefinition,
  input: ProviderInput,
  answer: StepOutcome,
): NewLookup {
  const sets = provider.requires[input.entity] ?? [];
  const read = new Set(sets.flat());
  const inputs = Object.fromEntries(
    Object.entries(input.values).filter(
      ([k, v]) => (read.size === 0 || read.has(k)) && v != null && v !== "",
    ),
  );
  const o = answer.outcome;
  return {
    workspaceId: scope.ctx.workspaceId,
    runId: run.id,
    entity: input.entity,
    recordId: input.recordId,
    provider: provider.id,
    status: o.status,
    fields: o.status === "found" ? o.values.map((v) => v.field) : [],
    inputs,
    outputs:
      o.status === "found" ? o.values : o.status === "error" ? { code: o.code, message: o.message } : [],
    errorCode: o.status === "error" ? o.code : null,
    cost: 0,
    confidence: o.status === "found" ? Math.max(0, ...o.values.map((v) => v.confidence)) : null,
    latencyMs: answer.latencyMs,
    fetchedAt: answer.fetchedAt,
  };
}

/**
 * What the answer means for each wanted item: `found` (a value at or above the threshold, to be
 * used and charged), `retry` (retryable error with attempts left: back to pending after a
 * backoff that honours Retry-After), or — mutating the work — on to the next provider.
 */
export function settleAnswer(
  scope: CallScope,
  provider: ProviderDefinition,
  works: readonly Work[],
  answer: StepOutcome,
  threshold: number,
): { found: Array<{ work: Work; value: EnrichedValue }>; retry: ItemOutcome[]; retryWorks: Work[] } {
  const found: Array<{ work: Work; value: EnrichedValue }> = [];
  const retry: ItemOutcome[] = [];
  const retryWorks: Work[] = [];
  const o = answer.outcome;
  const { maxAttempts, backoffBaseMs, backoffMaxMs } = scope.deps.timing;
  for (const work of works) {
    if (o.status === "error" && o.retryable && work.attempts + 1 < maxAttempts) {
      work.attempts += 1;
      const delay = retryDelayMs(work.attempts, {
        baseMs: backoffBaseMs,
        maxMs: backoffMaxMs,
        retryAfterMs: o.retryAfterMs,
      });
      retry.push({
        ...work,
        status: "pending",
        provider: null,
        error: `${provider.name}: ${o.message} (retrying)`,
        nextAttemptAt: new Date(Date.now() + delay),
      });
      retryWorks.push(work);
      continue;
    }
    work.tried = true;
    if (o.status === "error") {
      const gaveUp = o.retryable ? ` (gave up after ${work.attempts + 1} attempts)` : "";
      work.lastError = `${provider.name}: ${o.message}${gaveUp}`;
    } else if (o.status === "found") {
      const candidates = o.values.filter((v) => v.field === work.field && v.value != null && v.value !== "");
      const best = candidates
        .filter((v) => v.confidence >= threshold)
        .sort((a, b) => b.confidence - a.confidence)[0];
      if (best) {
        found.push({ work, value: best });
        continue;
      }
      for (const v of candidates)
        work.bestLowConfidence = Math.max(work.bestLowConfidence ?? 0, v.confidence);
    }
    work.step += 1;
    work.attempts = 0;
  }
  return { found, retry, retryWorks };
}
