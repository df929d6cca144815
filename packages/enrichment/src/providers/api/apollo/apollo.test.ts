import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApolloFake } from "../../../testing/fakes/apollo.fake.ts";
import type { FakeServer } from "../../../testing/fakes/fake-http.ts";
import { companyInput, contactInput, fakeCallContext } from "../../../testing/test-call-context.ts";
import { checkApolloKey } from "./apollo-key-check.ts";
import { apolloOrganizationEnrich } from "./apollo-organization-enrich.ts";
import { apolloPeopleBulkMatch, apolloPeopleMatch } from "./apollo-people-match.ts";

let apollo: FakeServer;
beforeAll(async () => {
  apollo = await startApolloFake();
});
afterAll(() => apollo.close());

const KEY = "apollo-test-key-5678";
const person = (domain: string) =>
  contactInput({ first_name: "Tim", last_name: "Zheng", company_domain: domain });
const match = async (domain: string, key: string | null = KEY, timeoutMs?: number) => {
  const [outcome] = await apolloPeopleMatch.enrich(
    [person(domain)],
    fakeCallContext(apollo.url, key, timeoutMs),
  );
  return outcome;
};
const lastRequest = () => apollo.requests.at(-1);

describe("apollo-people-match", () => {
  it("fills title, seniority, department, LinkedIn, location and a verified email", async () => {
    const outcome = await match("acme.com");
    expect(outcome?.status).toBe("found");
    const values = outcome?.status === "found" ? outcome.values : [];
    expect(Object.fromEntries(values.map((v) => [v.field, v.value]))).toEqual({
      first_name: "Tim",
      last_name: "Zheng",
      full_name: "Tim Zheng",
      title: "VP of Sales",
      seniority: "vp",
      department: "sales",
      linkedin_url: "http://www.linkedin.com/in/tim-zheng",
      email: "tim.zheng@acme.com",
      city: "San Francisco",
      state: "California",
      country: "United States",
      company_name: "Acme",
      company_domain: "acme.com",
    });
    expect(values.find((v) => v.field === "email")).toMatchObject({ verification: "valid", confidence: 95 });
  });

  it("sends POST /api/v1/people/match with x-api-key and the documented query parameters, reveals off", async () => {
    await match("acme.com", "secret-apollo-key");
    expect(lastRequest()).toMatchObject({
      method: "POST",
      path: "/api/v1/people/match",
      headers: { "x-api-key": "secret-apollo-key" },
      query: {
        first_name: "Tim",
        last_name: "Zheng",
        domain: "acme.com",
        reveal_personal_emails: "false",
        reveal_phone_number: "false",
      },
    });
  });

  it("is not_found when Apollo answers 200 with person: null", async () => {
    expect(await match("notfound.example")).toMatchObject({ status: "not_found" });
  });

  it("maps 401, the out-of-credits answer, 429 with Retry-After, and 5xx", async () => {
    expect(await match("acme.com", "bad-key")).toMatchObject({ code: "unauthorized", retryable: false });
    expect(await match("acme.com", "no-credits")).toMatchObject({
      code: "quota_exceeded",
      retryable: false,
      message: expect.stringContaining("insufficient credits"),
    });
    expect(await match("ratelimit.example")).toMatchObject({
      code: "rate_limited",
      retryable: true,
      retryAfterMs: 2000,
    });
    expect(await match("boom.example")).toMatchObject({ code: "server_error", retryable: true });
  });

  it("maps a 422 that is not about credits to invalid_input", async () => {
    expect(await match("not a domain")).toMatchObject({ code: "invalid_input", retryable: false });
  });

  it("treats a malformed body as a retryable server_error, and times out on silence", async () => {
    expect(await match("malformed.example")).toMatchObject({ code: "server_error", retryable: true });
    expect(await match("slow.example", KEY, 150)).toMatchObject({ code: "timeout", retryable: true });
  });

  it("never stores Apollo's locked-email placeholder", async () => {
    const [outcome] = await apolloPeopleMatch.enrich(
      [contactInput({ email: "email_not_unlocked@acme.com" })],
      fakeCallContext(apollo.url, KEY),
    );
    expect(outcome?.status === "found" && outcome.values.some((v) => v.field === "email")).toBe(false);
  });

  it("refuses a contact with too little to match on, without calling Apollo", async () => {
    const before = apollo.requests.length;
    const [outcome] = await apolloPeopleMatch.enrich(
      [contactInput({ first_name: "Tim" })],
      fakeCallContext(apollo.url, KEY),
    );
    expect(outcome).toMatchObject({ code: "invalid_input" });
    expect(apollo.requests.length).toBe(before);
  });
});

describe("apollo-people-bulk-match", () => {
  it("sends up to 10 details per request and answers in input order, nulls as not_found", async () => {
    const inputs = Array.from({ length: 12 }, (_, i) =>
      i === 3
        ? person("notfound.example")
        : contactInput({
            first_name: `P${String.fromCharCode(97 + i)}`,
            last_name: "Doe",
            company_domain: "acme.com",
          }),
    );
    const before = apollo.requests.length;
    const outcomes = await apolloPeopleBulkMatch.enrich(inputs, fakeCallContext(apollo.url, KEY));
    const sent = apollo.requests.slice(before);
    expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /api/v1/people/bulk_match",
      "POST /api/v1/people/bulk_match",
    ]);
    expect(sent.map((r) => (r.body as { details: unknown[] }).details.length)).toEqual([10, 2]);
    expect(sent[0]?.headers["x-api-key"]).toBe(KEY);
    expect(sent[0]?.body).toMatchObject({
      details: expect.arrayContaining([{ first_name: "Pa", last_name: "Doe", domain: "acme.com" }]),
      reveal_personal_emails: false,
    });
    expect(outcomes.map((o) => o.status)).toEqual(inputs.map((_, i) => (i === 3 ? "not_found" : "found")));
    const emails = outcomes.map((o) =>
      o.status === "found" ? o.values.find((v) => v.field === "email")?.value : null,
    );
    expect(emails[11]).toBe("pl.doe@acme.com");
  });

  it("gives every record of a failed request the request's error, and invalid input its own", async () => {
    const outcomes = await apolloPeopleBulkMatch.enrich(
      [person("acme.com"), contactInput({ last_name: "Only" }), person("ratelimit.example")],
      fakeCallContext(apollo.url, KEY),
    );
    expect(outcomes).toMatchObject([
      { code: "rate_limited", retryAfterMs: 2000 },
      { code: "invalid_input" },
      { code: "rate_limited", retryAfterMs: 2000 },
    ]);
  });

  it("maps auth and quota failures for the whole batch", async () => {
    const bad = await apolloPeopleBulkMatch.enrich(
      [person("acme.com")],
      fakeCallContext(apollo.url, "bad-key"),
    );
    expect(bad).toMatchObject([{ code: "unauthorized" }]);
    const broke = await apolloPeopleBulkMatch.enrich(
      [person("acme.com")],
      fakeCallContext(apollo.url, "no-credits"),
    );
    expect(broke).toMatchObject([{ code: "quota_exceeded" }]);
    const down = await apolloPeopleBulkMatch.enrich(
      [person("boom.example")],
      fakeCallContext(apollo.url, KEY),
    );
    expect(down).toMatchObject([{ code: "server_error", retryable: true }]);
    const slow = await apolloPeopleBulkMatch.enrich(
      [person("slow.example")],
      fakeCallContext(apollo.url, KEY, 150),
    );
    expect(slow).toMatchObject([{ code: "timeout", retryable: true }]);
  });
});

describe("apollo-organization-enrich", () => {
  const enrich = async (domain: string, key = KEY) => {
    const [outcome] = await apolloOrganizationEnrich.enrich(
      [companyInput({ domain })],
      fakeCallContext(apollo.url, key),
    );
    return outcome;
  };

  it("fills firmographics from GET /api/v1/organizations/enrich?domain=", async () => {
    const outcome = await enrich("https://acme.com/");
    expect(lastRequest()).toMatchObject({
      method: "GET",
      path: "/api/v1/organizations/enrich",
      query: { domain: "acme.com" },
    });
    const values = outcome?.status === "found" ? outcome.values : [];
    expect(Object.fromEntries(values.map((v) => [v.field, v.value]))).toEqual({
      name: "Acme",
      industry: "information technology & services",
      employee_count: 1600,
      annual_revenue: 100000000,
      funding_total: 251200000,
      funding_stage: "Series D",
      founded_year: 2015,
      technologies: ["Salesforce", "Stripe"],
      description: "Acme sells software.",
      linkedin_url: "http://www.linkedin.com/company/acme",
      phone: "+14155550100",
      city: "San Francisco",
      state: "California",
      country: "United States",
    });
  });

  it("is not_found for an unknown domain, and maps failures", async () => {
    expect(await enrich("notfound.example")).toMatchObject({ status: "not_found" });
    expect(await enrich("acme.com", "bad-key")).toMatchObject({ code: "unauthorized" });
    expect(await enrich("acme.com", "no-credits")).toMatchObject({ code: "quota_exceeded" });
    expect(await enrich("ratelimit.example")).toMatchObject({ code: "rate_limited", retryAfterMs: 2000 });
    expect(await enrich("malformed.example")).toMatchObject({ code: "server_error" });
  });
});

describe("checkApolloKey", () => {
  const ctx = (key: string) => ({
    apiKey: key,
    baseUrl: apollo.url,
    signal: AbortSignal.timeout(2000),
    fetch,
  });

  it("calls GET /api/v1/auth/health and reports the key", async () => {
    expect(await checkApolloKey(ctx(KEY))).toEqual({ status: "valid", message: "Key works" });
    expect(lastRequest()).toMatchObject({ path: "/api/v1/auth/health", headers: { "x-api-key": KEY } });
    expect(await checkApolloKey(ctx("bad-key"))).toMatchObject({ status: "invalid" });
  });
});
