/**
 * The provider contract. A provider is one module exporting a ProviderDefinition, registered by
 * one line in providers/registry.ts. Built-in providers compute offline; API providers call a
 * vendor's published HTTP API at a configurable base URL; the sandbox makes up deterministic data
 * and is labelled "Sandbox — test data" wherever its values show.
 */

export type EnrichEntity = "contact" | "company";

export type ContactField =
  | "first_name"
  | "last_name"
  | "full_name"
  | "email"
  | "phone"
  | "mobile_phone"
  | "title"
  | "seniority"
  | "department"
  | "linkedin_url"
  | "twitter_url"
  | "city"
  | "state"
  | "country"
  | "company_name"
  | "company_domain";

export type CompanyField =
  | "name"
  | "domain"
  | "industry"
  | "employee_count"
  | "annual_revenue"
  | "funding_stage"
  | "funding_total"
  | "founded_year"
  | "technologies"
  | "description"
  | "linkedin_url"
  | "phone"
  | "city"
  | "state"
  | "country";

export type EnrichField = ContactField | CompanyField;

export type Verification = "valid" | "risky" | "invalid" | "unknown";

/** One record to look up: its current values (standard fields, by column name). */
export interface ProviderInput {
  entity: EnrichEntity;
  recordId: string;
  values: Readonly<Record<string, unknown>>;
}

export interface EnrichedValue {
  field: EnrichField;
  value: unknown;
  /** 0–100: how sure the provider is of this value. */
  confidence: number;
  verification?: Verification;
  /**
   * Machine-readable findings about the value, shown beside it: e.g. "free_mail", "disposable",
   * "role_account", "possible_typo:gmail.com", or "sandbox" on every value the sandbox made up.
   */
  flags?: readonly string[];
}

export type ProviderOutcome =
  | { status: "found"; values: EnrichedValue[]; raw?: unknown }
  | { status: "not_found"; raw?: unknown }
  | {
      status: "error";
      /** 429, 5xx and timeouts are retryable; 401, 402/quota and invalid input are not. */
      retryable: boolean;
      /** From Retry-After, when the provider sent one. */
      retryAfterMs?: number;
      /** Machine-readable: "unauthorized", "quota_exceeded", "rate_limited", "server_error", "timeout", "invalid_input", "private_address", "redirect", "response_too_large", … */
      code: string;
      message: string;
    };

export interface ProviderCallContext {
  /** The workspace's decrypted API key for this provider (null for providers that need none). */
  apiKey: string | null;
  /** Vendor base URL: the workspace's override, else the provider's default. Tests point it at a local fake. */
  baseUrl: string;
  /** Aborted on run cancel and on the per-call timeout. */
  signal: AbortSignal;
  fetch: typeof fetch;
}

export interface ProviderDefinition {
  id: string;
  name: string;
  kind: "builtin" | "api" | "sandbox";
  /** Fields it can fill, per entity. */
  fields: { contact: readonly ContactField[]; company: readonly CompanyField[] };
  /** Alternative input sets: the record must have every field of at least one set (non-empty). */
  requires: { contact?: readonly (readonly string[])[]; company?: readonly (readonly string[])[] };
  /** Credits charged per field value found and used (0 for built-ins and the sandbox). */
  costCredits: number;
  /** Requests allowed per window across all workers, or null for no limit (built-ins). */
  rateLimit: { requests: number; perMs: number } | null;
  /** Records per enrich() call: providers with a bulk endpoint take more than one. */
  batchSize: number;
  needsApiKey: boolean;
  defaultBaseUrl: string | null;
  /** One outcome per input, in input order. Never throws for a provider-side failure: returns status "error". */
  enrich(inputs: readonly ProviderInput[], ctx: ProviderCallContext): Promise<ProviderOutcome[]>;
}

/** Whether a record has what the provider needs to look it up. */
export function canLookUp(provider: ProviderDefinition, input: ProviderInput): boolean {
  const sets = provider.requires[input.entity];
  if (!sets || sets.length === 0) return true;
  return sets.some((set) =>
    set.every((field) => {
      const v = input.values[field];
      return v !== null && v !== undefined && v !== "";
    }),
  );
}
