import { z } from "zod";
import type {
  EnrichedValue,
  ProviderCallContext,
  ProviderDefinition,
  ProviderInput,
  ProviderOutcome,
} from "../../provider.ts";
import { eachInput, invalidInput, malformed } from "../shared/vendor-http.ts";
import { absoluteUrl, bareDomain, inputText, pushValue } from "../shared/vendor-values.ts";
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
 * PDL Person Enrichment: GET /v5/person/enrich with the person's identifiers as query parameters
 * (email, profile, first_name + last_name or name, company), min_likelihood and titlecase=true.
 * 200 → { status, likelihood, data }; 404 → no match (not charged).
 */

const personBody = z.object({
  likelihood: z.number().min(0).max(10),
  data: z.object({
    full_name: pdlText,
    first_name: pdlText,
    last_name: pdlText,
    job_title: pdlText,
    job_title_role: pdlText,
    job_title_levels: z.array(z.string()).nullish(),
    job_company_name: pdlText,
    job_company_website: pdlText,
    linkedin_url: pdlText,
    twitter_url: pdlText,
    work_email: pdlText,
    mobile_phone: pdlText,
    location_locality: pdlText,
    location_region: pdlText,
    location_country: pdlText,
  }),
});

function query(input: ProviderInput): Record<string, string> | null {
  const domain = bareDomain(inputText(input, "company_domain"));
  const params: Record<string, string | null> = {
    email: inputText(input, "email"),
    profile: inputText(input, "linkedin_url"),
    first_name: inputText(input, "first_name"),
    last_name: inputText(input, "last_name"),
    name: inputText(input, "first_name") ? null : inputText(input, "full_name"),
    company: domain ?? inputText(input, "company_name"),
  };
  const named = (params.first_name && params.last_name) || params.name;
  if (!params.email && !params.profile && !(named && params.company)) return null;
  return Object.fromEntries(Object.entries(params).filter((e): e is [string, string] => e[1] !== null));
}

async function enrichPerson(input: ProviderInput, ctx: ProviderCallContext): Promise<ProviderOutcome> {
  const params = query(input);
  if (!params) return invalidInput(PDL, "an email, a LinkedIn URL, or a name with a company is needed");
  const result = await pdlGet(ctx, "/v5/person/enrich", {
    ...params,
    min_likelihood: PDL_MIN_LIKELIHOOD,
    titlecase: true,
  });
  if (!result.ok) return result.outcome;
  const res = result.response;
  if (res.status === 404) return { status: "not_found", raw: res.body };
  if (res.status !== 200) return pdlFailure(res);
  const parsed = personBody.safeParse(res.body);
  if (!parsed.success) return malformed(PDL);
  const { likelihood, data: p } = parsed.data;
  const c = confidenceOf(likelihood);
  const values: EnrichedValue[] = [];
  pushValue(values, "first_name", p.first_name, c);
  pushValue(values, "last_name", p.last_name, c);
  pushValue(values, "full_name", p.full_name, c);
  pushValue(values, "title", p.job_title, c);
  pushValue(values, "seniority", p.job_title_levels?.[0], c);
  pushValue(values, "department", p.job_title_role, c);
  pushValue(values, "email", p.work_email?.toLowerCase(), c);
  pushValue(values, "mobile_phone", p.mobile_phone, c);
  pushValue(values, "linkedin_url", absoluteUrl(p.linkedin_url), c);
  pushValue(values, "twitter_url", absoluteUrl(p.twitter_url), c);
  pushValue(values, "city", p.location_locality, c);
  pushValue(values, "state", p.location_region, c);
  pushValue(values, "country", p.location_country, c);
  pushValue(values, "company_name", p.job_company_name, c);
  pushValue(values, "company_domain", bareDomain(p.job_company_website), c);
  return values.length > 0
    ? { status: "found", values, raw: res.body }
    : { status: "not_found", raw: res.body };
}

export const pdlPersonEnrich: ProviderDefinition = {
  id: "pdl-person-enrich",
  name: "People Data Labs Person Enrichment",
  kind: "api",
  fields: {
    contact: [
      "first_name",
      "last_name",
      "full_name",
      "title",
      "seniority",
      "department",
      "email",
      "mobile_phone",
      "linkedin_url",
      "twitter_url",
      "city",
      "state",
      "country",
      "company_name",
      "company_domain",
    ],
    company: [],
  },
  requires: {
    contact: [
      ["email"],
      ["linkedin_url"],
      ["first_name", "last_name", "company_domain"],
      ["first_name", "last_name", "company_name"],
      ["full_name", "company_domain"],
    ],
  },
  costCredits: 2,
  rateLimit: pdlRateLimit,
  batchSize: 1,
  needsApiKey: true,
  defaultBaseUrl: pdlDefaultBaseUrl,
  enrich: (inputs, ctx) => eachInput(inputs, (input) => enrichPerson(input, ctx)),
};
