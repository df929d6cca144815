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
 * A local People Data Labs API v5 for tests and benchmarks, following https://docs.peopledatalabs.com:
 * GET or POST /v5/person/enrich, POST /v5/person/bulk, GET /v5/company/enrich, GET /v5/autocomplete;
 * the key in the X-Api-Key header (or api_key query parameter); 200 { status, likelihood, data }
 * (company fields top-level), 404 for no match, failures as { status, error: { type, message } }.
 * Bulk (docs/bulk-enrichment-api): body { requests: [{ params }, …] } with 1–100 requests, else 400;
 * 200 with an array in request order, each item what /v5/person/enrich would answer for its params
 * (a 404 or 400 item does not fail the others). What concerns the whole call fails the whole call:
 * the key (401, 402), the rate limit (429, when any item asks for it) and silence (any "slow" item).
 *
 *   const pdl = await startPdlFake();  // pdl.url is the base URL; pdl.requests; pdl.close()
 *
 * Scenarios, picked by the email's domain, the company (domain) or the website, and by the key:
 *   any key              → found, likelihood 8
 *   no key, "bad-key"    → 401 authentication_error;  "no-credits" → 402 payment_required
 *   notfound.example     → 404 not_found
 *   lowlikelihood.example → a likelihood-3 match: 404 when min_likelihood is above 3
 *   ratelimit.example    → 429 rate_limit_error with Retry-After: 2 and X-RateLimit-* headers
 *   ratelimit-reset.example → 429 with only X-RateLimit-Reset (epoch seconds, 3 s ahead)
 *   boom.example         → 500 api_error;  slow.example → never answers;  malformed.example → a broken 200
 */

export const pdlScenarios = {
  lowLikelihood: "lowlikelihood.example",
  rateLimitReset: "ratelimit-reset.example",
} as const;

const error = (
  status: number,
  type: string,
  message: string,
  headers?: Record<string, string>,
): FakeReply => ({
  status,
  body: { status, error: { type, message } },
  ...(headers ? { headers } : {}),
});

export function startPdlFake(opts: FakeOptions = {}): Promise<FakeServer> {
  return startFakeServer(handlePdl, opts);
}

type Params = Record<string, unknown>;
const str = (v: unknown) => (typeof v === "string" ? v : "");
const domainOf = (v: unknown) =>
  str(v)
    .toLowerCase()
    .replace(/^https?:\/\//, "")
    .replace(/^www\./, "")
    .split(/[/@]/)
    .filter(Boolean)
    .pop() ?? "";

function handlePdl(req: RecordedRequest): FakeReply {
  const header = req.headers["x-api-key"];
  const key = typeof header === "string" ? header : req.query.api_key;
  if (!key || key === fakeScenarios.badKey) {
    return error(401, "authentication_error", "Request contained a missing or invalid key");
  }
  if (req.path === "/v5/autocomplete") {
    return {
      status: 200,
      body: { status: 200, data: [{ name: "united states", count: 1 }], fields: ["country"] },
    };
  }
  if (key === fakeScenarios.noCredits) {
    return error(402, "payment_required", "You have hit your account maximum (all matches used)");
  }
  const body = (req.body && typeof req.body === "object" ? req.body : {}) as Params;
  const params: Params = { ...req.query, ...body };
  if (req.path === "/v5/person/enrich" && (req.method === "GET" || req.method === "POST"))
    return person(params);
  if (req.path === "/v5/person/bulk" && req.method === "POST") return bulk(req.body);
  if (req.path === "/v5/company/enrich" && req.method === "GET") return company(params);
  return error(404, "not_found", "No records were found matching your request");
}

function scenarioReply(domain: string, minLikelihood: number): FakeReply | null {
  if (domain === pdlScenarios.rateLimitReset) {
    const reset = String(Math.floor(Date.now() / 1000) + 3);
    return error(429, "rate_limit_error", "An error occurred due to requests hitting the API too quick", {
      "x-ratelimit-reset": reset,
    });
  }
  if (domain === pdlScenarios.lowLikelihood && minLikelihood > 3) {
    return error(404, "not_found", "No records were found matching your request");
  }
  switch (scenarioOf(domain)) {
    case "notFound":
      return error(404, "not_found", "No records were found matching your request");
    case "rateLimited":
      return error(429, "rate_limit_error", "An error occurred due to requests hitting the API too quick", {
        "retry-after": "2",
        "x-ratelimit-limit": '{"minute": 1000}',
        "x-ratelimit-remaining": '{"minute": 0}',
        "x-ratelimit-reset": new Date(Date.now() + 2000).toUTCString(),
      });
    case "serverError":
      return error(500, "api_error", "The server encountered an unexpected condition");
    case "slow":
      return "hang";
    case "malformed":
      return { status: 200, body: { status: 200, likelihood: "high", data: "nope" } };
    default:
      return null;
  }
}

const likelihoodFor = (domain: string) => (domain === pdlScenarios.lowLikelihood ? 3 : 8);

function person(p: Params): FakeReply {
  const named = (str(p.first_name) && str(p.last_name)) || str(p.name);
  if (!str(p.email) && !str(p.profile) && !(named && str(p.company))) {
    return error(400, "invalid_request_error", "Request contained either missing or invalid parameters");
  }
  const domain = domainOf(p.email) || domainOf(p.company) || "example.com";
  const reply = scenarioReply(domain, Number(p.min_likelihood ?? 2));
  if (reply) return reply;
  const [first = "Sean", last = "Thorne"] = str(p.first_name)
    ? [str(p.first_name), str(p.last_name)]
    : (str(p.name) || str(p.email).split("@")[0]?.replace(".", " ") || "sean thorne").split(/\s+/);
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
  return {
    status: 200,
    body: {
      status: 200,
      likelihood: likelihoodFor(domain),
      data: {
        id: "qEnOZ5Oh0poWnQ1luFBfVw_0000",
        full_name: `${cap(first)} ${cap(last)}`,
        first_name: cap(first),
        last_name: cap(last),
        job_title: "Co-Founder and CEO",
        job_title_role: "operations",
        job_title_levels: ["cxo", "owner"],
        job_company_name: companyNameOf(domain),
        job_company_website: domain,
        linkedin_url: `linkedin.com/in/${first.toLowerCase()}${last.toLowerCase()}`,
        twitter_url: null,
        work_email: `${first.toLowerCase()}@${domain}`,
        mobile_phone: true,
        location_locality: "San Francisco",
        location_region: "California",
        location_country: "United States",
      },
    },
  };
}

const isParams = (v: unknown): v is Params => typeof v === "object" && v !== null && !Array.isArray(v);

function bulk(body: unknown): FakeReply {
  const requests = isParams(body) ? body.requests : undefined;
  if (
    !Array.isArray(requests) ||
    requests.length < 1 ||
    requests.length > 100 ||
    !requests.every((r) => isParams(r) && isParams(r.params))
  ) {
    return error(400, "invalid_request_error", "requests must be an array of 1-100 objects with params");
  }
  const replies = requests.map((r: { params: Params }) => person(r.params));
  if (replies.includes("hang")) return "hang";
  const items = replies.filter((r) => r !== "hang");
  const limited = items.find((r) => r.status === 429);
  if (limited) return limited;
  return { status: 200, body: items.map((r) => r.body) };
}

function company(p: Params): FakeReply {
  const domain = domainOf(p.website) || domainOf(p.profile) || domainOf(p.name);
  if (!domain)
    return error(400, "invalid_request_error", "Request contained either missing or invalid parameters");
  const reply = scenarioReply(domain, Number(p.min_likelihood ?? 2));
  if (reply) return reply;
  return {
    status: 200,
    body: {
      status: 200,
      likelihood: likelihoodFor(domain),
      id: "tnHcNHbCv8MKeLh92946LAkX6PKg",
      name: companyNameOf(domain).toLowerCase(),
      display_name: companyNameOf(domain),
      size: "51-200",
      employee_count: 83,
      founded: 2015,
      industry: "Computer Software",
      total_funding_raised: 55250000,
      latest_funding_stage: "Series B",
      inferred_revenue: "$50M-$100M",
      summary: `${companyNameOf(domain)} builds data products.`,
      linkedin_url: `linkedin.com/company/${domain.split(".")[0]}`,
      website: domain,
      location: { locality: "San Francisco", region: "California", country: "United States" },
    },
  };
}
