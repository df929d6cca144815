import type {
  CompanyField,
  ContactField,
  ProviderDefinition,
  ProviderInput,
  ProviderOutcome,
} from "../providers/provider.ts";
import { defaultTiming, type EngineTiming, type EnrichmentDeps, providersFilling } from "../services/deps.ts";

/** One enrich() call a test provider received: which records, and when it started and ended (ms). */
export interface ProviderCall {
  provider: string;
  recordIds: string[];
  startedAt: number;
  endedAt: number | null;
  aborted: boolean;
}

export interface TestProviderSpec {
  id: string;
  kind?: ProviderDefinition["kind"];
  contact?: readonly ContactField[];
  company?: readonly CompanyField[];
  requires?: ProviderDefinition["requires"];
  cost?: number;
  rateLimit?: ProviderDefinition["rateLimit"];
  batchSize?: number;
  needsApiKey?: boolean;
  /** How long each call takes (aborting the signal ends it early). */
  latencyMs?: number;
  /**
   * After its latency, call `n` (from 1) also waits for this promise, when given: calls that last
   * until the test lets them go (or until aborted), instead of for a time a loaded machine may miss.
   */
  gate?: (n: number) => Promise<void> | undefined;
  /** The answer for one record; `n` counts this provider's calls so far, from 1. */
  answer(input: ProviderInput, n: number): ProviderOutcome;
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}

/** Waits for `gate`; aborting the signal ends the wait early. */
function until(gate: Promise<void>, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    signal.addEventListener("abort", () => reject(signal.reason));
    gate.then(resolve, reject);
  });
}

/** A found title with this confidence (verified valid), as a provider answers it. */
export function foundTitle(value: string, confidence: number): ProviderOutcome {
  return { status: "found", values: [{ field: "title", value, confidence, verification: "valid" }] };
}

/** A provider whose answers, latency and limits the test decides; every call is logged in `calls`. */
export function testProvider(spec: TestProviderSpec, calls: ProviderCall[]): ProviderDefinition {
  let n = 0;
  return {
    id: spec.id,
    name: `Test ${spec.id}`,
    kind: spec.kind ?? "api",
    fields: { contact: spec.contact ?? [], company: spec.company ?? [] },
    requires: spec.requires ?? {},
    costCredits: spec.cost ?? 0,
    rateLimit: spec.rateLimit ?? null,
    batchSize: spec.batchSize ?? 10,
    needsApiKey: spec.needsApiKey ?? false,
    defaultBaseUrl: null,
    async enrich(inputs, ctx) {
      n += 1;
      const gate = spec.gate?.(n);
      const call: ProviderCall = {
        provider: spec.id,
        recordIds: inputs.map((i) => i.recordId),
        startedAt: Date.now(),
        endedAt: null,
        aborted: false,
      };
      calls.push(call);
      try {
        if (spec.latencyMs) await pause(spec.latencyMs, ctx.signal);
        if (gate) await until(gate, ctx.signal);
      } catch (error) {
        call.aborted = true;
        throw error;
      } finally {
        call.endedAt = Date.now();
      }
      return inputs.map((input) => spec.answer(input, n));
    },
  };
}

/** Engine deps over test providers: default waterfall = list order, no keys needed, fast timing. */
export function testDeps(
  providers: readonly ProviderDefinition[],
  timing: Partial<EngineTiming> = {},
): EnrichmentDeps {
  return {
    providers,
    defaultWaterfall: (entity, field) => providersFilling(providers, entity, field).map((p) => p.id),
    credentials: async (_db, _ws, p) => (p.needsApiKey ? null : { apiKey: null, baseUrl: "" }),
    fetch: globalThis.fetch,
    timing: {
      ...defaultTiming,
      cancelPollMs: 50,
      heartbeatMs: 200,
      staleAfterMs: 2_000,
      backoffBaseMs: 50,
      backoffMaxMs: 500,
      ...timing,
    },
  };
}

/** A stable pseudo-random number in [0, 1) from a record id: outcomes that survive a restart. */
export function hashOf(id: string): number {
  let h = 2166136261;
  for (const c of id) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return (h >>> 0) / 2 ** 32;
}

/**
 * The provider, but each call waits until the test calls `open()`: a run held mid-call for as long
 * as the test needs. `entered` resolves when the first call has started.
 */
export function gatedProvider(provider: ProviderDefinition) {
  let open = () => {};
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  let entered = () => {};
  const started = new Promise<void>((resolve) => {
    entered = resolve;
  });
  const gated: ProviderDefinition = {
    ...provider,
    async enrich(inputs, ctx) {
      entered();
      await gate;
      return provider.enrich(inputs, ctx);
    },
  };
  return { provider: gated, open, entered: started };
}
