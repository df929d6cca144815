import { z } from "zod";
import type {
  ProviderCallContext,
  ProviderDefinition,
  ProviderInput,
  ProviderOutcome,
} from "../../provider.ts";
import { eachInput, invalidInput, malformed } from "../shared/vendor-http.ts";
import {
  APOLLO,
  apolloCall,
  apolloDefaultBaseUrl,
  apolloEnrichmentRateLimit,
  apolloFailure,
} from "./apollo-http.ts";
import {
  type ApolloPerson,
  apolloMatchParams,
  apolloPerson,
  apolloPersonFields,
  apolloPersonRequires,
  apolloPersonValues,
} from "./apollo-person.ts";

/**
 * Apollo People Enrichment, POST /api/v1/people/match (match parameters in the query string, as
 * documented), and Bulk People Enrichment, POST /api/v1/people/bulk_match with
 * { details: [...] } for up to 10 people. Personal emails and phone reveals stay off: they cost
 * extra credits and phones arrive later through a webhook. Nobody matched is a 200 with
 * person: null (single) or a null entry in matches (bulk): not_found, and Apollo charges nothing.
 */

const NO_REVEALS = { reveal_personal_emails: false, reveal_phone_number: false };
export const APOLLO_BULK_MAX = 10;

const matchBody = z.object({ person: apolloPerson.nullish() });
const bulkBody = z.object({ matches: z.array(apolloPerson.nullable()) });

const outcomeOf = (person: ApolloPerson | null | undefined, raw: unknown): ProviderOutcome => {
  const values = person ? apolloPersonValues(person) : [];
  return values.length > 0 ? { status: "found", values, raw: person } : { status: "not_found", raw };
};

const tooLittle = () =>
  invalidInput(APOLLO, "an email, a LinkedIn URL, or a name with a company domain or name is needed");

async function matchOne(input: ProviderInput, ctx: ProviderCallContext): Promise<ProviderOutcome> {
  const params = apolloMatchParams(input);
  if (!params) return tooLittle();
  const result = await apolloCall(ctx, {
    method: "POST",
    path: "/api/v1/people/match",
    query: { ...params, ...NO_REVEALS },
  });
  if (!result.ok) return result.outcome;
  const res = result.response;
  if (res.status !== 200) return apolloFailure(res);
  const parsed = matchBody.safeParse(res.body);
  return parsed.success ? outcomeOf(parsed.data.person, res.body) : malformed(APOLLO);
}

export const apolloPeopleMatch: ProviderDefinition = {
  id: "apollo-people-match",
  name: "Apollo People Enrichment",
  kind: "api",
  fields: { contact: apolloPersonFields, company: [] },
  requires: { contact: apolloPersonRequires },
  costCredits: 1,
  rateLimit: apolloEnrichmentRateLimit,
  batchSize: 1,
  needsApiKey: true,
  defaultBaseUrl: apolloDefaultBaseUrl,
  enrich: (inputs, ctx) => eachInput(inputs, (input) => matchOne(input, ctx)),
};

/** Which person answers which detail: by position when Apollo returns one entry per detail, else by email or name. */
function align(details: Record<string, string>[], matches: (ApolloPerson | null)[]): (ApolloPerson | null)[] {
  if (matches.length === details.length) return matches;
  const key = (email?: string | null, first?: string | null, last?: string | null) =>
    email ? `e:${email.toLowerCase()}` : `n:${(first ?? "").toLowerCase()} ${(last ?? "").toLowerCase()}`;
  const byKey = new Map<string, ApolloPerson>();
  for (const m of matches) if (m) byKey.set(key(m.email, m.first_name, m.last_name), m);
  return details.map((d) => byKey.get(key(d.email, d.first_name, d.last_name)) ?? null);
}

async function matchChunk(
  inputs: readonly ProviderInput[],
  ctx: ProviderCallContext,
): Promise<ProviderOutcome[]> {
  const outcomes: (ProviderOutcome | null)[] = inputs.map(() => null);
  const sent: { index: number; details: Record<string, string> }[] = [];
  inputs.forEach((input, index) => {
    const details = apolloMatchParams(input);
    if (details) sent.push({ index, details });
    else outcomes[index] = tooLittle();
  });
  if (sent.length > 0) {
    const result = await apolloCall(ctx, {
      method: "POST",
      path: "/api/v1/people/bulk_match",
      query: NO_REVEALS,
      json: { details: sent.map((s) => s.details), ...NO_REVEALS },
    });
    const failure = !result.ok
      ? result.outcome
      : result.response.status !== 200
        ? apolloFailure(result.response)
        : null;
    const parsed = result.ok && !failure ? bulkBody.safeParse(result.response.body) : null;
    const persons = parsed?.success
      ? align(
          sent.map((s) => s.details),
          parsed.data.matches,
        )
      : null;
    sent.forEach((s, i) => {
      outcomes[s.index] = failure ?? (persons ? outcomeOf(persons[i], null) : malformed(APOLLO));
    });
  }
  return outcomes.map((o) => o ?? tooLittle());
}

async function matchBulk(
  inputs: readonly ProviderInput[],
  ctx: ProviderCallContext,
): Promise<ProviderOutcome[]> {
  const outcomes: ProviderOutcome[] = [];
  for (let i = 0; i < inputs.length; i += APOLLO_BULK_MAX) {
    outcomes.push(...(await matchChunk(inputs.slice(i, i + APOLLO_BULK_MAX), ctx)));
  }
  return outcomes;
}

export const apolloPeopleBulkMatch: ProviderDefinition = {
  ...apolloPeopleMatch,
  id: "apollo-people-bulk-match",
  name: "Apollo Bulk People Enrichment",
  batchSize: APOLLO_BULK_MAX,
  enrich: matchBulk,
};
