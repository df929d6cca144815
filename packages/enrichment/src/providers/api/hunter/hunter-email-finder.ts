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
  hunterVerification,
  hunterVerificationStatus,
} from "./hunter-http.ts";

/**
 * Hunter Email Finder: GET /v2/email-finder?domain=&first_name=&last_name= (or full_name=) → the
 * most likely address with a 0–100 score, and the person's position and profiles when Hunter has
 * them. No address found is a 200 with data.email null, and Hunter does not count it.
 */

const finderBody = z.object({
  data: z
    .object({
      email: z.string().nullish(),
      score: z.number().nullish(),
      position: z.string().nullish(),
      linkedin_url: z.string().nullish(),
      twitter: z.string().nullish(),
      phone_number: z.string().nullish(),
      verification: z.object({ status: hunterVerificationStatus.nullish() }).nullish(),
    })
    .nullable(),
});

function query(input: ProviderInput): Record<string, string> | null {
  const domain = bareDomain(inputText(input, "company_domain")) ?? inputText(input, "company_domain");
  const first = inputText(input, "first_name");
  const last = inputText(input, "last_name");
  const full = inputText(input, "full_name");
  if (!domain) return null;
  if (first && last) return { domain, first_name: first, last_name: last };
  if (full) return { domain, full_name: full };
  return null;
}

async function findEmail(input: ProviderInput, ctx: ProviderCallContext): Promise<ProviderOutcome> {
  const params = query(input);
  if (!params)
    return invalidInput(HUNTER, "a first and last name (or full name) and a company domain are needed");
  const result = await hunterGet(ctx, "/v2/email-finder", params);
  if (!result.ok) return result.outcome;
  const res = result.response;
  if (res.status === 404 || res.status === HUNTER_LEGAL_RESTRICTION)
    return { status: "not_found", raw: res.body };
  if (res.status !== 200) return hunterFailure(res);
  const parsed = finderBody.safeParse(res.body);
  if (!parsed.success) return malformed(HUNTER);
  const data = parsed.data.data;
  if (!data?.email) return { status: "not_found", raw: res.body };

  const score = data.score ?? 50;
  const values: EnrichedValue[] = [];
  pushValue(values, "email", data.email.toLowerCase(), score, hunterVerification(data.verification?.status));
  pushValue(values, "title", data.position, score);
  pushValue(values, "linkedin_url", absoluteUrl(data.linkedin_url), score);
  const twitter = data.twitter?.replace(/^@/, "");
  pushValue(
    values,
    "twitter_url",
    twitter && absoluteUrl(twitter.includes("/") ? twitter : `twitter.com/${twitter}`),
    score,
  );
  pushValue(values, "phone", data.phone_number, score);
  return { status: "found", values, raw: res.body };
}

export const hunterEmailFinder: ProviderDefinition = {
  id: "hunter-email-finder",
  name: "Hunter Email Finder",
  kind: "api",
  fields: { contact: ["email", "title", "linkedin_url", "twitter_url", "phone"], company: [] },
  requires: {
    contact: [
      ["first_name", "last_name", "company_domain"],
      ["full_name", "company_domain"],
    ],
  },
  costCredits: 1,
  rateLimit: hunterSearchRateLimit,
  batchSize: 1,
  needsApiKey: true,
  defaultBaseUrl: hunterDefaultBaseUrl,
  enrich: (inputs, ctx) => eachInput(inputs, (input) => findEmail(input, ctx)),
};
