import type { EnrichedValue, ProviderDefinition, ProviderInput, ProviderOutcome } from "../provider.ts";
import { companySeed, makeCompany } from "./sandbox-company.ts";
import { contactSeed, makeContact } from "./sandbox-contact.ts";
import { sandboxRandom } from "./sandbox-random.ts";

/** Shown beside every value the sandbox made up, and as its provider name. */
export const SANDBOX_LABEL = "Sandbox — test data";
/** The flag on every sandbox value, so stored provenance can never pass it off as real. */
export const SANDBOX_FLAG = "sandbox";
/**
 * Exactly the default confidence threshold (70): a workspace that adds the sandbox to a waterfall
 * sees it fill fields out of the box, and one that raises its threshold keeps it out.
 */
export const SANDBOX_CONFIDENCE = 70;

/** About one lookup in five finds nothing, so waterfalls can be tried with it. */
const notFoundPercent = 20;

function lookUp(input: ProviderInput): ProviderOutcome {
  try {
    return makeUp(input);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { status: "error", retryable: false, code: "internal", message: `sandbox: ${message}` };
  }
}

function makeUp(input: ProviderInput): ProviderOutcome {
  const seed = input.entity === "contact" ? contactSeed(input.values) : companySeed(input.values);
  if (seed === null) return { status: "not_found" };
  const random = sandboxRandom(seed);
  if (random.bucket < notFoundPercent)
    return { status: "not_found", raw: { sandbox: true, label: SANDBOX_LABEL } };
  const made =
    input.entity === "contact" ? makeContact(input.values, random) : makeCompany(input.values, random);
  const values: EnrichedValue[] = [];
  for (const [field, value] of made) {
    const current = input.values[field];
    // Only fills gaps: the sandbox never offers a made-up value for a field the record already has.
    if (current !== null && current !== undefined && current !== "") continue;
    values.push({ field, value, confidence: SANDBOX_CONFIDENCE, flags: [SANDBOX_FLAG] });
  }
  if (values.length === 0) return { status: "not_found", raw: { sandbox: true, label: SANDBOX_LABEL } };
  return { status: "found", values, raw: { sandbox: true, label: SANDBOX_LABEL, seed } };
}

/**
 * Deterministic made-up data derived from the record's own values (same input, same output, on
 * every machine), so the app can be tried offline. Emails and profiles sit on reserved ".example"
 * domains, phone numbers in ranges reserved for fiction, and descriptions start "Sandbox:".
 * Never in a default waterfall: a workspace adds it on purpose (see registry.ts).
 */
export const sandbox: ProviderDefinition = {
  id: "sandbox",
  name: SANDBOX_LABEL,
  kind: "sandbox",
  fields: {
    contact: [
      "email",
      "phone",
      "mobile_phone",
      "title",
      "seniority",
      "department",
      "linkedin_url",
      "twitter_url",
      "city",
      "state",
      "country",
      "company_domain",
    ],
    company: [
      "industry",
      "employee_count",
      "annual_revenue",
      "funding_stage",
      "funding_total",
      "founded_year",
      "technologies",
      "description",
      "linkedin_url",
      "phone",
      "city",
      "state",
      "country",
    ],
  },
  requires: {
    contact: [["email"], ["linkedin_url"], ["full_name"], ["first_name"]],
    company: [["domain"], ["name"]],
  },
  costCredits: 0,
  rateLimit: null,
  batchSize: 100,
  needsApiKey: false,
  defaultBaseUrl: null,
  enrich: async (inputs) => inputs.map(lookUp),
};
