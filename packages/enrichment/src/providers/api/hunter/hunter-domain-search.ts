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
  HUNTER,
  HUNTER_LEGAL_RESTRICTION,
  hunterDefaultBaseUrl,
  hunterFailure,
  hunterGet,
  hunterSearchRateLimit,
} from "./hunter-http.ts";

/**
 * Hunter Domain Search: GET /v2/domain-search?domain=&limit=&offset= → the organisation behind a
 * domain and the addresses Hunter knows there. Quarry fills company facts from it (name, industry,
 * description, location, LinkedIn page, technologies) and does not page through the addresses:
 * Hunter counts one request per 1–10 addresses returned, so it asks for limit=1.
 */

const domainBody = z.object({
  data: z.object({
    domain: z.string().nullish(),
    organization: z.string().nullish(),
    description: z.string().nullish(),
    industry: z.string().nullish(),
    linkedin: z.string().nullish(),
    technologies: z.array(z.string()).nullish(),
    city: z.string().nullish(),
    state: z.string().nullish(),
    country: z.string().nullish(),
    emails: z.array(z.unknown()).nullish(),
  }),
  meta: z.object({ results: z.number().nullish() }).nullish(),
});

/** Organisation facts come from Hunter's company data, not a per-person guess. */
const CONFIDENCE = 75;

async function searchDomain(input: ProviderInput, ctx: ProviderCallContext): Promise<ProviderOutcome> {
  const domain = bareDomain(inputText(input, "domain")) ?? inputText(input, "domain");
  if (!domain) return invalidInput(HUNTER, "a company domain is needed");
  const result = await hunterGet(ctx, "/v2/domain-search", { domain, limit: 1, offset: 0 });
  if (!result.ok) return result.outcome;
  const res = result.response;
  if (res.status === 404 || res.status === HUNTER_LEGAL_RESTRICTION)
    return { status: "not_found", raw: res.body };
  if (res.status !== 200) return hunterFailure(res);
  const parsed = domainBody.safeParse(res.body);
  if (!parsed.success) return malformed(HUNTER);
  const d = parsed.data.data;
  const values: EnrichedValue[] = [];
  pushValue(values, "name", d.organization, CONFIDENCE);
  pushValue(values, "industry", d.industry, CONFIDENCE);
  pushValue(values, "description", d.description, CONFIDENCE);
  pushValue(values, "linkedin_url", absoluteUrl(d.linkedin), CONFIDENCE);
  pushValue(
    values,
    "technologies",
    d.technologies?.filter((t) => t.trim() !== ""),
    CONFIDENCE,
  );
  pushValue(values, "city", d.city, CONFIDENCE);
  pushValue(values, "state", d.state, CONFIDENCE);
  pushValue(values, "country", d.country, CONFIDENCE);
  return values.length > 0
    ? { status: "found", values, raw: res.body }
    : { status: "not_found", raw: res.body };
}

export const hunterDomainSearch: ProviderDefinition = {
  id: "hunter-domain-search",
  name: "Hunter Domain Search",
  kind: "api",
  fields: {
    contact: [],
    company: ["name", "industry", "description", "linkedin_url", "technologies", "city", "state", "country"],
  },
  requires: { company: [["domain"]] },
  costCredits: 1,
  rateLimit: hunterSearchRateLimit,
  batchSize: 1,
  needsApiKey: true,
  defaultBaseUrl: hunterDefaultBaseUrl,
  enrich: (inputs, ctx) => eachInput(inputs, (input) => searchDomain(input, ctx)),
};
