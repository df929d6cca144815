import type { EntityDef } from "@quarry/records/schemas/entities";
import type { ProviderDefinition, ProviderInput } from "../providers/provider.ts";
import type { RunRow } from "../queries/runs.queries.ts";
import type { CallScope, HoldRef } from "./call-provider.ts";
import type { ProviderCredentials } from "./deps.ts";
import type { StepOutcome } from "./step-outcome.ts";
import type { Work } from "./work.ts";

/** What the claim loop knows when it starts a round: one provider for every open item at it. */
export interface RoundPlan {
  scope: CallScope;
  run: RunRow;
  def: EntityDef;
  provider: ProviderDefinition;
  threshold: number;
  /** Calls at once (callConcurrency, or 1 under a spend cap). */
  lanes: number;
  /** Records an earlier claim worked: their answers in this run are re-used. */
  resumed: ReadonlySet<string>;
  inputOf: (recordId: string) => ProviderInput;
  credentials: ProviderCredentials;
}

/** One round as its steps see it: the plan, the open items by record, answers re-used, the round's hold. */
export interface Round extends RoundPlan {
  byRecord: ReadonlyMap<string, readonly Work[]>;
  /** Answers this run already has (from an earlier claim), by record. */
  reused: ReadonlyMap<string, StepOutcome>;
  /** The hold covering the whole round, or null when each call holds its own. */
  hold: HoldRef | null;
}

/**
 * Why a claim stops early: the run stopped or was cancelled (`reason` says why when this claim
 * stopped it), or the worker is shutting down (`interrupted`: the items go back to pending).
 */
export type Halt = { kind: "stopped"; reason: string | null } | { kind: "interrupted" };

/** Values asked of a provider for these records: one per open item (field) of each. */
export function valuesWanted(recordIds: readonly string[], byRecord: Round["byRecord"]): number {
  return recordIds.reduce((n, id) => n + (byRecord.get(id)?.length ?? 0), 0);
}

/**
 * Values these records may be charged for: every open item of a record to be called, and of a
 * record whose re-used answer found something (re-used values are used and charged like fresh
 * ones — once per run, record and field, by the capture key). A re-used miss costs nothing.
 */
export function chargeableValues(
  recordIds: readonly string[],
  round: Pick<Round, "byRecord" | "reused">,
): number {
  const charged = recordIds.filter((id) => {
    const stored = round.reused.get(id);
    return !stored || stored.outcome.status === "found";
  });
  return valuesWanted(charged, round.byRecord);
}
