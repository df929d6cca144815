import { z } from "zod";
import type {
  EnrichedValue,
  ProviderCallContext,
  ProviderDefinition,
  ProviderInput,
  ProviderOutcome,
} from "../../provider.ts";
import { invalidInput, malformed } from "../shared/vendor-http.ts";
import { absoluteUrl, bareDomain, inputText, pushValue } from "../shared/vendor-values.ts";
import {
  confidenceOf,
  PDL,
  PDL_MIN_LIKELIHOOD,
  pdlDefaultBaseUrl,
  pdlFailure,
  pdlPost,
  pdlRateLimit,
  pdlText,
} from "./pdl-http.ts";

/**
 * PDL Bulk Person Enrichment (https://docs.peopledatalabs.com/docs/bulk-enrichment-api):
 * POST /v5/person/bulk with { requests: [{ params }, …] }, 1–100 requests, each params what
 * GET /v5/person/enrich takes (email, profile, first_name + last_name or name, company,
 * min_likelihood, titlecase). The answer is an array in request order, one
 * { status, likelihood, data } or { status, error } per request: 200 a match, 404 none (not
 * charged), anything else that request's error. A failure of the whole call (401, 402, 429, 5xx)
 * is every input's outcome.
 */

/**
 * Inputs per call: well under PDL's 100, so a call of full profiles stays far below the 5 MB a
 * vendor answer may hold and inside the engine's call timeout.
 */
export const PDL_PERSON_BATCH = 25;

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

const bulkItem = z.object({ status: z.number().int() }).loose();

/** One enrichment per input in one bulk call; inputs without enough to match on are not sent. */
async function enrichPeople(
  inputs: readonly ProviderInput[],
  ctx: ProviderCallContext,
): Promise<ProviderOutcome[]> {
  const params = inputs.map(query);
  const requests = params.flatMap((p) =>
    p ? [{ params: { ...p, min_likelihood: PDL_MIN_LIKELIHOOD, titlecase: true } }] : [],
  );
  let answers: ProviderOutcome[] = [];
  if (requests.length > 0) {
    const result = await pdlPost(ctx, "/v5/person/bulk", { requests });
    if (!result.ok) answers = requests.map(() => result.outcome);
    else if (result.response.status !== 200) {
      const failure = pdlFailure(result.response);
      answers = requests.map(() => failure);
    } else {
      const items = z.array(bulkItem).length(requests.length).safeParse(result.response.body);
      const headers = result.response.headers;
      answers = items.success
        ? items.data.map((item) => itemOutcome(item, headers))
        : requests.map(() => malformed(PDL));
    }
  }
  let next = 0;
  return params.map((p) =>
    p
      ? (answers[next++] ?? malformed(PDL))
      : invalidInput(PDL, "an email, a LinkedIn URL, or a name with a company is needed"),
  );
}

function itemOutcome(item: z.infer<typeof bulkItem>, headers: Headers): ProviderOutcome {
  if (item.status === 404) return { status: "not_found", raw: item };
  if (item.status !== 200) return pdlFailure({ status: item.status, headers, body: item });
  const parsed = personBody.safeParse(item);
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
  return values.length > 0 ? { status: "found", values, raw: item } : { status: "not_found", raw: item };
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
  batchSize: PDL_PERSON_BATCH,
  needsApiKey: true,
  defaultBaseUrl: pdlDefaultBaseUrl,
  enrich: enrichPeople,
};
