import type {
  CompanyField,
  ContactField,
  EnrichedValue,
  ProviderDefinition,
  ProviderInput,
  ProviderOutcome,
} from "../provider.ts";

/** What a built-in declares: the rest of the ProviderDefinition is the same for all of them. */
export interface BuiltinSpec {
  id: string;
  name: string;
  fields: { contact: readonly ContactField[]; company: readonly CompanyField[] };
  requires: ProviderDefinition["requires"];
  /** Values derived from one record; an empty list means nothing useful could be derived. */
  derive(input: ProviderInput): EnrichedValue[];
}

/**
 * A built-in provider: offline, free, unlimited. Bad data never throws out of enrich(): a record
 * that cannot be read is "not_found", and an unexpected bug is a non-retryable error for that
 * record alone.
 */
export function defineBuiltin(spec: BuiltinSpec): ProviderDefinition {
  return {
    id: spec.id,
    name: spec.name,
    kind: "builtin",
    fields: spec.fields,
    requires: spec.requires,
    costCredits: 0,
    rateLimit: null,
    batchSize: 1000,
    needsApiKey: false,
    defaultBaseUrl: null,
    enrich: async (inputs) => inputs.map((input) => runDerive(spec, input)),
  };
}

function runDerive(spec: BuiltinSpec, input: ProviderInput): ProviderOutcome {
  try {
    const values = spec.derive(input);
    return values.length > 0 ? { status: "found", values } : { status: "not_found" };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { status: "error", retryable: false, code: "internal", message: `${spec.id}: ${message}` };
  }
}

/** A field's value as trimmed text, or null when it is missing, blank or not text. */
export function textOf(values: ProviderInput["values"], field: string): string | null {
  const value = values[field];
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}
