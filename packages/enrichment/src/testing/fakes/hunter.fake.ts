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
 * A local Hunter API v2 for tests and benchmarks, following https://hunter.io/api-documentation/v2:
 * GET /v2/email-finder, /v2/email-verifier, /v2/domain-search and /v2/account; the key in the
 * X-API-KEY header or the api_key query parameter; { data, meta } answers and
 * { errors: [{ id, code, details }] } failures.
 *
 *   const hunter = await startHunterFake({ latencyMs: 5 });
 *   provider.enrich(inputs, { apiKey: "any-key", baseUrl: hunter.url, signal, fetch });
 *   hunter.requests; await hunter.close();
 *
 * Scenarios, picked by the input (company domain, or the email's domain) and the key:
 *   any key                    → found (deterministic data from the input)
 *   no key, key "bad-key"      → 401
 *   key "no-credits"           → 429 usage limit (Hunter's quota answer; /v2/account shows 0 left)
 *   notfound.example           → 200 with data.email null (finder), unknown (verifier), empty org (domain search)
 *   ratelimit.example          → 403 rate limit (Hunter's throttling answer) with Retry-After: 2
 *   boom.example               → 500;  malformed.example → 200 with a body that breaks the schema
 *   slow.example               → never answers until close()
 *   legal.example              → 451 (the person opted out)
 * Verifier only: accept-all.example → accept_all, invalid.example → invalid, disposable.example →
 * disposable, gmail.com → webmail, pending.example → 202, smtpfail.example → 222.
 */

export const hunterScenarios = {
  legal: "legal.example",
  acceptAll: "accept-all.example",
  invalid: "invalid.example",
  disposable: "disposable.example",
  webmail: "gmail.com",
  pending: "pending.example",
  smtpFail: "smtpfail.example",
} as const;

const error = (status: number, id: string, details: string, headers?: Record<string, string>): FakeReply => ({
  status,
  body: { errors: [{ id, code: status, details }] },
  ...(headers ? { headers } : {}),
});

const domainOf = (value: string | undefined) => (value ?? "").toLowerCase().split("@").pop() ?? "";
const slug = (value: string) => value.toLowerCase().replace(/[^a-z]/g, "");

export function startHunterFake(opts: FakeOptions = {}): Promise<FakeServer> {
  return startFakeServer(handleHunter, opts);
}

function handleHunter(req: RecordedRequest): FakeReply {
  const key = typeof req.headers["x-api-key"] === "string" ? req.headers["x-api-key"] : req.query.api_key;
  if (!key || key === fakeScenarios.badKey) {
    return error(401, "authentication_failed", "No user found for the API key supplied");
  }
  if (req.method !== "GET") return error(404, "not_found", "This route does not exist");
  if (req.path === "/v2/account") return account(key);
  if (key === fakeScenarios.noCredits) {
    return error(
      429,
      "too_many_requests",
      "You have reached your usage limit. Upgrade your plan if necessary.",
    );
  }
  const target = req.path === "/v2/email-verifier" ? domainOf(req.query.email) : (req.query.domain ?? "");
  const common = commonScenario(target);
  if (common) return common;
  if (req.path === "/v2/email-finder") return emailFinder(req.query);
  if (req.path === "/v2/email-verifier") return emailVerifier(req.query.email ?? "");
  if (req.path === "/v2/domain-search") return domainSearch(req.query);
  return error(404, "not_found", "This route does not exist");
}

function commonScenario(domain: string): FakeReply | null {
  if (domain === hunterScenarios.legal)
    return error(
      451,
      "claimed_email",
      "The person behind this address asked us to stop processing their data",
    );
  switch (scenarioOf(domain)) {
    case "rateLimited":
      return error(403, "rate_limited", "You have reached the rate limit", { "retry-after": "2" });
    case "serverError":
      return error(500, "internal_error", "Something went wrong on Hunter's end");
    case "slow":
      return "hang";
    case "malformed":
      return { status: 200, body: { data: { email: 42, score: "high", status: "maybe", organization: 7 } } };
    default:
      return null;
  }
}

function account(key: string): FakeReply {
  const used = key === fakeScenarios.noCredits ? 50 : 12;
  return {
    status: 200,
    body: {
      data: {
        first_name: "Test",
        last_name: "Account",
        email: "owner@example.com",
        plan_name: "Free",
        plan_level: 0,
        reset_date: "2026-02-01",
        team_id: 1,
        requests: { searches: { used, available: 50 }, verifications: { used: 0, available: 100 } },
      },
    },
  };
}

function emailFinder(q: Record<string, string>): FakeReply {
  const domain = (q.domain ?? "").toLowerCase();
  const [first = "", last = ""] =
    q.first_name && q.last_name ? [q.first_name, q.last_name] : (q.full_name ?? "").split(/\s+/);
  if (!domain && !q.company) return error(400, "wrong_params", "You are missing the domain parameter");
  if (!first || !last)
    return error(400, "wrong_params", "You are missing the first_name or last_name parameter");
  if (domain && !/^[a-z0-9.-]+\.[a-z]{2,}$/.test(domain))
    return error(400, "invalid_domain", "The domain is invalid");
  const base = { first_name: first, last_name: last, domain, company: companyNameOf(domain) };
  if (scenarioOf(domain) === "notFound") {
    return {
      status: 200,
      body: {
        data: { ...base, email: null, score: null, verification: { date: null, status: null } },
        meta: { params: q },
      },
    };
  }
  const email = `${slug(first)}.${slug(last)}@${domain}`;
  return {
    status: 200,
    body: {
      data: {
        ...base,
        email,
        score: 91,
        accept_all: false,
        position: "Head of Sales",
        twitter: `${slug(first)}${slug(last)}`,
        linkedin_url: `https://www.linkedin.com/in/${slug(first)}-${slug(last)}`,
        phone_number: null,
        sources: [
          {
            domain,
            uri: `https://${domain}/team`,
            extracted_on: "2025-06-01",
            last_seen_on: "2025-12-01",
            still_on_page: true,
          },
        ],
        verification: { date: "2025-12-01T10:00:00+00:00", status: "valid" },
      },
      meta: { params: q },
    },
  };
}

function emailVerifier(email: string): FakeReply {
  if (!email.includes("@")) return error(400, "wrong_params", "You are missing the email parameter");
  const domain = domainOf(email);
  if (domain === hunterScenarios.pending) return { status: 202, body: { data: { email, status: null } } };
  if (domain === hunterScenarios.smtpFail)
    return error(222, "verification_failed", "The remote SMTP server failed the check");
  const status =
    scenarioOf(domain) === "notFound"
      ? "unknown"
      : domain === hunterScenarios.acceptAll
        ? "accept_all"
        : domain === hunterScenarios.invalid
          ? "invalid"
          : domain === hunterScenarios.disposable
            ? "disposable"
            : domain === hunterScenarios.webmail
              ? "webmail"
              : "valid";
  const score = { valid: 97, accept_all: 60, invalid: 10, disposable: 40, webmail: 50, unknown: 0 }[status];
  return {
    status: 200,
    body: {
      data: {
        status,
        result: status === "valid" ? "deliverable" : status === "invalid" ? "undeliverable" : "risky",
        score,
        email,
        regexp: true,
        gibberish: false,
        disposable: status === "disposable",
        webmail: status === "webmail",
        mx_records: status !== "invalid",
        smtp_server: true,
        smtp_check: status === "valid",
        accept_all: status === "accept_all",
        block: false,
        sources: [],
      },
      meta: { params: { email } },
    },
  };
}

function domainSearch(q: Record<string, string>): FakeReply {
  const domain = (q.domain ?? "").toLowerCase();
  if (!domain && !q.company) return error(400, "wrong_params", "You are missing the domain parameter");
  const limit = Math.min(100, Math.max(1, Number(q.limit ?? 10)));
  const offset = Math.max(0, Number(q.offset ?? 0));
  const meta = { results: 0, limit, offset, params: q };
  if (scenarioOf(domain) === "notFound") {
    return { status: 200, body: { data: { domain, organization: null, emails: [] }, meta } };
  }
  const all = ["alice.smith", "bob.jones", "carol.white"].map((local, i) => ({
    value: `${local}@${domain}`,
    type: "personal",
    confidence: 90 - i * 5,
    first_name: local.split(".")[0],
    last_name: local.split(".")[1],
    position: "Engineer",
    seniority: "senior",
    department: "it",
    verification: { date: "2025-12-01", status: "valid" },
    sources: [],
  }));
  const label = domain.split(".")[0] ?? domain;
  return {
    status: 200,
    body: {
      data: {
        domain,
        disposable: false,
        webmail: false,
        accept_all: false,
        pattern: "{first}.{last}",
        organization: companyNameOf(domain),
        description: `${companyNameOf(domain)} makes software for sales teams.`,
        industry: "Software",
        twitter: null,
        linkedin: `https://www.linkedin.com/company/${label}`,
        technologies: ["react", "stripe"],
        country: "US",
        state: "CA",
        city: "San Francisco",
        headcount: "51-200",
        emails: all.slice(offset, offset + limit),
      },
      meta: { ...meta, results: all.length },
    },
  };
}
