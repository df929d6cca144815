import {
  companyNameOf,
  type FakeOptions,
  type FakeReply,
  type FakeServer,
  fakeScenarios,
  type RecordedRequest,
  scenarioOf,
  startFakeServer,
} from "./fake-http.ts";

/**
 * A local Apollo API for tests and benchmarks, following https://docs.apollo.io/reference:
 * POST /api/v1/people/match (parameters in the query string or a JSON body),
 * POST /api/v1/people/bulk_match ({ details: [...] }, at most 10), GET /api/v1/organizations/enrich?domain=
 * and GET /api/v1/auth/health; the key in the x-api-key header.
 *
 *   const apollo = await startApolloFake();  // apollo.url is the base URL; apollo.requests; apollo.close()
 *
 * Scenarios, picked by the person's company domain or email domain (bulk: the first detail that
 * selects one decides the whole answer) and by the key:
 *   any key                → found: a person / organisation made up from the input
 *   no key, "bad-key"      → 401
 *   "no-credits"           → 422 naming insufficient credits
 *   notfound.example       → 200 with person: null (bulk: a null entry) / no organization
 *   ratelimit.example      → 429 with Retry-After: 2;  boom.example → 500;  slow.example → never answers
 *   malformed.example      → 200 with a body that breaks the documented shape
 *   a domain containing "@" or spaces → 422 (Apollo wants a bare domain)
 */

const error = (status: number, message: string, headers?: Record<string, string>): FakeReply => ({
  status,
  body: { error: message },
  ...(headers ? { headers } : {}),
});

export function startApolloFake(opts: FakeOptions = {}): Promise<FakeServer> {
  return startFakeServer(handleApollo, opts);
}

type Params = Record<string, unknown>;
const str = (v: unknown) => (typeof v === "string" ? v : "");
const slug = (v: string) => v.toLowerCase().replace(/[^a-z]/g, "");

function handleApollo(req: RecordedRequest): FakeReply {
  const key = req.headers["x-api-key"];
  if (typeof key !== "string" || !key || key === fakeScenarios.badKey) {
    return error(401, "Invalid access credentials.");
  }
  const route = `${req.method} ${req.path}`;
  if (route === "GET /api/v1/auth/health")
    return { status: 200, body: { healthy: true, is_logged_in: true } };
  if (key === fakeScenarios.noCredits) {
    return error(422, "You have insufficient credits to perform this action. Please purchase more credits.");
  }
  const body = (req.body && typeof req.body === "object" ? req.body : {}) as Params;
  if (route === "POST /api/v1/people/match") return peopleMatch({ ...req.query, ...body });
  if (route === "POST /api/v1/people/bulk_match") return bulkMatch(body.details);
  if (route === "GET /api/v1/organizations/enrich") return organization(req.query.domain ?? "");
  return error(404, "Not found");
}

function scenarioReply(...candidates: unknown[]): FakeReply | null {
  switch (scenarioOf(...candidates)) {
    case "rateLimited":
      return error(
        429,
        "The maximum number of api calls allowed for this endpoint is 1000 times per minute.",
        {
          "retry-after": "2",
          "x-rate-limit-minute": "1000",
          "x-minute-requests-left": "0",
        },
      );
    case "serverError":
      return error(500, "Internal server error");
    case "slow":
      return "hang";
    case "malformed":
      return {
        status: 200,
        body: { person: { title: 42, email: ["x"] }, matches: "none", organization: [] },
      };
    default:
      return null;
  }
}

const badDomain = (d: unknown) => typeof d === "string" && /[@\s]/.test(d);

function person(p: Params): Record<string, unknown> | null {
  const domain = str(p.domain) || str(p.email).split("@")[1] || "example.com";
  if (scenarioOf(p.domain, p.email) === "notFound") return null;
  const [local = "jane.doe"] = str(p.email).split("@");
  const name = str(p.name).split(/\s+/);
  const first = str(p.first_name) || name[0] || local.split(".")[0] || "jane";
  const last = str(p.last_name) || name[1] || local.split(".")[1] || "doe";
  return {
    id: `${slug(first)}${slug(last)}0001`,
    first_name: first,
    last_name: last,
    name: `${first} ${last}`,
    linkedin_url: `http://www.linkedin.com/in/${slug(first)}-${slug(last)}`,
    title: "VP of Sales",
    seniority: "vp",
    departments: ["master_sales"],
    email_status: "verified",
    email: str(p.email) || `${slug(first)}.${slug(last)}@${domain}`,
    twitter_url: null,
    city: "San Francisco",
    state: "California",
    country: "United States",
    organization: { id: "org0001", name: companyNameOf(domain), primary_domain: domain },
  };
}

function peopleMatch(p: Params): FakeReply {
  if (badDomain(p.domain)) return error(422, "domain must be a bare domain such as apollo.io");
  return scenarioReply(p.domain, p.email) ?? { status: 200, body: { person: person(p) } };
}

function bulkMatch(details: unknown): FakeReply {
  if (!Array.isArray(details) || details.length === 0) return error(422, "details is required");
  if (details.length > 10) return error(422, "You can enrich up to 10 people per request");
  const list = details.map((d) => (d && typeof d === "object" ? (d as Params) : {}));
  if (list.some((d) => badDomain(d.domain)))
    return error(422, "domain must be a bare domain such as apollo.io");
  const scenario = scenarioReply(...list.flatMap((d) => [d.domain, d.email]));
  if (scenario) return scenario;
  const matches = list.map(person);
  const found = matches.filter(Boolean).length;
  return {
    status: 200,
    body: {
      status: "success",
      error_code: null,
      error_message: null,
      total_requested_enrichments: list.length,
      unique_enriched_records: found,
      missing_records: list.length - found,
      credits_consumed: found,
      matches,
    },
  };
}

function organization(domain: string): FakeReply {
  if (!domain || badDomain(domain)) return error(422, "domain must be a bare domain such as apollo.io");
  const scenario = scenarioReply(domain);
  if (scenario) return scenario;
  if (scenarioOf(domain) === "notFound") return { status: 200, body: {} };
  const label = domain.split(".")[0] ?? domain;
  return {
    status: 200,
    body: {
      organization: {
        id: "org0001",
        name: companyNameOf(domain),
        website_url: `http://www.${domain}`,
        linkedin_url: `http://www.linkedin.com/company/${label}`,
        founded_year: 2015,
        primary_domain: domain,
        industry: "information technology & services",
        estimated_num_employees: 1600,
        annual_revenue: 100000000,
        total_funding: 251200000,
        latest_funding_stage: "Series D",
        technology_names: ["Salesforce", "Stripe"],
        short_description: `${companyNameOf(domain)} sells software.`,
        primary_phone: { number: "+1 415-555-0100", sanitized_number: "+14155550100" },
        city: "San Francisco",
        state: "California",
        country: "United States",
      },
    },
  };
}
