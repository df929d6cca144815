import { z } from "zod";
import type {
  EnrichedValue,
  ProviderCallContext,
  ProviderDefinition,
  ProviderInput,
  ProviderOutcome,
} from "../../provider.ts";
import { eachInput, invalidInput, malformed } from "../shared/vendor-http.ts";
import { absoluteUrl, bareDomain, count, inputText, pushValue } from "../shared/vendor-values.ts";
import {
  APOLLO,
  apolloCall,
  apolloDefaultBaseUrl,
  apolloEnrichmentRateLimit,
  apolloFailure,
} from "./apollo-http.ts";

/**
 * Apollo Organization Enrichment: GET /api/v1/organizations/enrich?domain= → { organization }.
 * An unknown domain answers 200 without an organization: not_found.
 */

const text = z.string().nullish();
const num = z.number().nullish();

const orgBody = z.object({
  organization: z
    .object({
      name: text,
      industry: text,
      estimated_num_employees: num,
      annual_revenue: num,
      total_funding: num,
      latest_funding_stage: text,
      founded_year: num,
      technology_names: z.array(z.string()).nullish(),
      current_technologies: z.array(z.object({ name: z.string() })).nullish(),
      short_description: text,
      linkedin_url: text,
      phone: text,
      primary_phone: z.object({ number: text, sanitized_number: text }).nullish(),
      sanitized_phone: text,
      city: text,
      state: text,
      country: text,
    })
    .nullish(),
});

const CONFIDENCE = 85;

async function enrichOrganization(input: ProviderInput, ctx: ProviderCallContext): Promise<ProviderOutcome> {
  const raw = inputText(input, "domain");
  const domain = bareDomain(raw) ?? raw;
  if (!domain) return invalidInput(APOLLO, "a company domain is needed");
  const result = await apolloCall(ctx, {
    method: "GET",
    path: "/api/v1/organizations/enrich",
    query: { domain },
  });
  if (!result.ok) return result.outcome;
  const res = result.response;
  if (res.status !== 200) return apolloFailure(res);
  const parsed = orgBody.safeParse(res.body);
  if (!parsed.success) return malformed(APOLLO);
  const org = parsed.data.organization;
  if (!org) return { status: "not_found", raw: res.body };
  const values: EnrichedValue[] = [];
  pushValue(values, "name", org.name, CONFIDENCE);
  pushValue(values, "industry", org.industry, CONFIDENCE);
  pushValue(values, "employee_count", count(org.estimated_num_employees), CONFIDENCE);
  pushValue(values, "annual_revenue", count(org.annual_revenue), CONFIDENCE);
  pushValue(values, "funding_total", count(org.total_funding), CONFIDENCE);
  pushValue(values, "funding_stage", org.latest_funding_stage, CONFIDENCE);
  pushValue(values, "founded_year", count(org.founded_year), CONFIDENCE);
  const technologies = org.technology_names ?? org.current_technologies?.map((t) => t.name);
  pushValue(
    values,
    "technologies",
    technologies?.filter((t) => t.trim() !== ""),
    CONFIDENCE,
  );
  pushValue(values, "description", org.short_description, CONFIDENCE);
  pushValue(values, "linkedin_url", absoluteUrl(org.linkedin_url), CONFIDENCE);
  pushValue(
    values,
    "phone",
    org.primary_phone?.sanitized_number ?? org.sanitized_phone ?? org.phone,
    CONFIDENCE,
  );
  pushValue(values, "city", org.city, CONFIDENCE);
  pushValue(values, "state", org.state, CONFIDENCE);
  pushValue(values, "country", org.country, CONFIDENCE);
  return values.length > 0
    ? { status: "found", values, raw: res.body }
    : { status: "not_found", raw: res.body };
}

export const apolloOrganizationEnrich: ProviderDefinition = {
  id: "apollo-organization-enrich",
  name: "Apollo Organization Enrichment",
  kind: "api",
  fields: {
    contact: [],
    company: [
      "name",
      "industry",
      "employee_count",
      "annual_revenue",
      "funding_total",
      "funding_stage",
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
  requires: { company: [["domain"]] },
  costCredits: 1,
  rateLimit: apolloEnrichmentRateLimit,
  batchSize: 1,
  needsApiKey: true,
  defaultBaseUrl: apolloDefaultBaseUrl,
  enrich: (inputs, ctx) => eachInput(inputs, (input) => enrichOrganization(input, ctx)),
};
