import { z } from "zod";
import type { EnrichedValue, ProviderInput, Verification } from "../../provider.ts";
import { absoluteUrl, bareDomain, inputText, pushValue } from "../shared/vendor-values.ts";

/** Apollo's person object (People Enrichment / Bulk People Enrichment) and how it maps to contact fields. */

const nullableText = z.string().nullish();

export const apolloPerson = z.object({
  id: nullableText,
  first_name: nullableText,
  last_name: nullableText,
  name: nullableText,
  title: nullableText,
  seniority: nullableText,
  departments: z.array(z.string()).nullish(),
  linkedin_url: nullableText,
  twitter_url: nullableText,
  email: nullableText,
  email_status: nullableText,
  city: nullableText,
  state: nullableText,
  country: nullableText,
  phone_numbers: z
    .array(z.object({ sanitized_number: nullableText, raw_number: nullableText, type: nullableText }))
    .nullish(),
  organization: z.object({ name: nullableText, primary_domain: nullableText }).nullish(),
});
export type ApolloPerson = z.infer<typeof apolloPerson>;

/** Apollo's match parameters for one contact, or null when it has too little to match on. */
export function apolloMatchParams(input: ProviderInput): Record<string, string> | null {
  const rawDomain = inputText(input, "company_domain");
  const params: Record<string, string | null> = {
    first_name: inputText(input, "first_name"),
    last_name: inputText(input, "last_name"),
    name: inputText(input, "full_name"),
    email: inputText(input, "email"),
    domain: bareDomain(rawDomain) ?? rawDomain,
    organization_name: inputText(input, "company_name"),
    linkedin_url: inputText(input, "linkedin_url"),
  };
  const named = (params.first_name && params.last_name) || params.name;
  const enough =
    params.email || params.linkedin_url || (named && (params.domain || params.organization_name));
  if (!enough) return null;
  return Object.fromEntries(Object.entries(params).filter((e): e is [string, string] => e[1] !== null));
}

/** Apollo hides locked addresses behind a placeholder; never store it. */
const LOCKED_EMAIL = /^email_not_unlocked@/i;

function emailVerification(
  status: string | null | undefined,
): { verification: Verification; confidence: number } | null {
  switch (status) {
    case "verified":
      return { verification: "valid", confidence: 95 };
    case "unavailable":
      return null;
    case "bounced":
    case "invalid":
      return { verification: "invalid", confidence: 50 };
    case "guessed":
    case "extrapolated":
      return { verification: "risky", confidence: 60 };
    default:
      return { verification: "unknown", confidence: 70 };
  }
}

/** "master_sales" → "sales", "c_suite" → "c suite". */
const department = (raw: string | undefined) => raw?.replace(/^master_/, "").replace(/_/g, " ");

const CONFIDENCE = 85;

export function apolloPersonValues(person: ApolloPerson): EnrichedValue[] {
  const values: EnrichedValue[] = [];
  pushValue(values, "first_name", person.first_name, CONFIDENCE);
  pushValue(values, "last_name", person.last_name, CONFIDENCE);
  pushValue(values, "full_name", person.name, CONFIDENCE);
  pushValue(values, "title", person.title, CONFIDENCE);
  pushValue(values, "seniority", person.seniority, CONFIDENCE);
  pushValue(values, "department", department(person.departments?.[0]), CONFIDENCE);
  pushValue(values, "linkedin_url", absoluteUrl(person.linkedin_url), CONFIDENCE);
  pushValue(values, "twitter_url", absoluteUrl(person.twitter_url), CONFIDENCE);
  const email = person.email && !LOCKED_EMAIL.test(person.email) ? person.email.toLowerCase() : null;
  const check = emailVerification(person.email_status);
  if (email && check)
    pushValue(values, "email", email, check.confidence, { verification: check.verification });
  const phones = person.phone_numbers ?? [];
  const mobile = phones.find((p) => p.type === "mobile");
  const other = phones.find((p) => p.type !== "mobile");
  pushValue(values, "mobile_phone", mobile?.sanitized_number ?? mobile?.raw_number, CONFIDENCE);
  pushValue(values, "phone", other?.sanitized_number ?? other?.raw_number, CONFIDENCE);
  pushValue(values, "city", person.city, CONFIDENCE);
  pushValue(values, "state", person.state, CONFIDENCE);
  pushValue(values, "country", person.country, CONFIDENCE);
  pushValue(values, "company_name", person.organization?.name, CONFIDENCE);
  pushValue(values, "company_domain", bareDomain(person.organization?.primary_domain), CONFIDENCE);
  return values;
}

export const apolloPersonFields = [
  "first_name",
  "last_name",
  "full_name",
  "title",
  "seniority",
  "department",
  "linkedin_url",
  "twitter_url",
  "email",
  "mobile_phone",
  "phone",
  "city",
  "state",
  "country",
  "company_name",
  "company_domain",
] as const;

export const apolloPersonRequires = [
  ["email"],
  ["linkedin_url"],
  ["first_name", "last_name", "company_domain"],
  ["full_name", "company_domain"],
  ["first_name", "last_name", "company_name"],
] as const;
