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
  confidenceOf,
  PDL,
  PDL_MIN_LIKELIHOOD,
  pdlDefaultBaseUrl,
  pdlFailure,
  pdlGet,
  pdlRateLimit,
  pdlText,
} from "./pdl-http.ts";

/**
 * PDL Company Enrichment: GET /v5/company/enrich?website= (or profile= for a LinkedIn page),
 * min_likelihood, titlecase=true. Unlike the person API the company fields are top-level, beside
 * status and likelihood. 404 → no match.
 */

const companyBody = z.object({
  likelihood: z.number().min(0).max(10),
  display_name: pdlText,
  name: pdlText,
  industry: pdlText,
  employee_count: z.number().nullish(),
  founded: z.number().nullish(),
  total_funding_raised: z.number().nullish(),
  latest_funding_stage: pdlText,
  summary: pdlText,
  linkedin_url: pdlText,
  location: z.object({ locality: pdlText, region: pdlText, country: pdlText }).nullish(),
});

async function enrichCompany(input: ProviderInput, ctx: ProviderCallContext): Promise<ProviderOutcome> {
  const website = bareDomain(inputText(input, "domain"));
  const profile = inputText(input, "linkedin_url");
  if (!website && !profile) return invalidInput(PDL, "a company domain or LinkedIn page is needed");
  const lookup = website ? { website } : { profile: profile ?? "" };
  const result = await pdlGet(ctx, "/v5/company/enrich", {
    ...lookup,
    min_likelihood: PDL_MIN_LIKELIHOOD,
    titlecase: true,
  });
  if (!result.ok) return result.outcome;
  const res = result.response;
  if (res.status === 404) return { status: "not_found", raw: res.body };
  if (res.status !== 200) return pdlFailure(res);
  const parsed = companyBody.safeParse(res.body);
  if (!parsed.success) return malformed(PDL);
  const co = parsed.data;
  const c = confidenceOf(co.likelihood);
  const values: EnrichedValue[] = [];
  pushValue(values, "name", co.display_name ?? co.name, c);
  pushValue(values, "industry", co.industry, c);
  pushValue(values, "employee_count", count(co.employee_count), c);
  pushValue(values, "founded_year", count(co.founded), c);
  pushValue(values, "funding_total", count(co.total_funding_raised), c);
  pushValue(values, "funding_stage", co.latest_funding_stage, c);
  pushValue(values, "description", co.summary, c);
  pushValue(values, "linkedin_url", absoluteUrl(co.linkedin_url), c);
  pushValue(values, "city", co.location?.locality, c);
  pushValue(values, "state", co.location?.region, c);
  pushValue(values, "country", co.location?.country, c);
  return values.length > 0
    ? { status: "found", values, raw: res.body }
    : { status: "not_found", raw: res.body };
}

export const pdlCompanyEnrich: ProviderDefinition = {
  id: "pdl-company-enrich",
  name: "People Data Labs Company Enrichment",
  kind: "api",
  fields: {
    contact: [],
    company: [
      "name",
      "industry",
      "employee_count",
      "founded_year",
      "funding_total",
      "funding_stage",
      "description",
      "linkedin_url",
      "city",
      "state",
      "country",
    ],
  },
  requires: { company: [["domain"], ["linkedin_url"]] },
  costCredits: 2,
  rateLimit: pdlRateLimit,
  batchSize: 1,
  needsApiKey: true,
  defaultBaseUrl: pdlDefaultBaseUrl,
  enrich: (inputs, ctx) => eachInput(inputs, (input) => enrichCompany(input, ctx)),
};
