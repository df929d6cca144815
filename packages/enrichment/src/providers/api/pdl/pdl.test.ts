import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeServer } from "../../../testing/fakes/fake-http.ts";
import { startPdlFake } from "../../../testing/fakes/pdl.fake.ts";
import { companyInput, contactInput, fakeCallContext } from "../../../testing/test-call-context.ts";
import { pdlCompanyEnrich } from "./pdl-company-enrich.ts";
import { checkPdlKey } from "./pdl-key-check.ts";
import { pdlPersonEnrich } from "./pdl-person-enrich.ts";

let pdl: FakeServer;
beforeAll(async () => {
  pdl = await startPdlFake();
});
afterAll(() => pdl.close());

const KEY = "pdl-test-key-9012";
const enrichEmail = async (email: string, key: string | null = KEY, timeoutMs?: number) => {
  const [outcome] = await pdlPersonEnrich.enrich(
    [contactInput({ email })],
    fakeCallContext(pdl.url, key, timeoutMs),
  );
  return outcome;
};
const lastRequest = () => pdl.requests.at(-1);

describe("pdl-person-enrich", () => {
  it("maps the record, with likelihood × 10 as confidence, and keeps text values only", async () => {
    const outcome = await enrichEmail("sean@acme.com");
    expect(outcome?.status).toBe("found");
    const values = outcome?.status === "found" ? outcome.values : [];
    expect(new Set(values.map((v) => v.confidence))).toEqual(new Set([80]));
    expect(Object.fromEntries(values.map((v) => [v.field, v.value]))).toEqual({
      first_name: "Sean",
      last_name: "Thorne",
      full_name: "Sean Thorne",
      title: "Co-Founder and CEO",
      seniority: "cxo",
      department: "operations",
      email: "sean@acme.com",
      linkedin_url: "https://linkedin.com/in/seanthorne",
      city: "San Francisco",
      state: "California",
      country: "United States",
      company_name: "Acme",
      company_domain: "acme.com",
    });
  });

  it("sends POST /v5/person/bulk with X-Api-Key and { requests: [{ params }] }, as documented", async () => {
    const input = contactInput({
      first_name: "Sean",
      last_name: "Thorne",
      company_domain: "www.peopledatalabs.com",
    });
    await pdlPersonEnrich.enrich([input], fakeCallContext(pdl.url, "secret-pdl-key"));
    expect(lastRequest()).toMatchObject({
      method: "POST",
      path: "/v5/person/bulk",
      headers: { "x-api-key": "secret-pdl-key", "content-type": "application/json" },
      query: {},
    });
    expect(lastRequest()?.body).toEqual({
      requests: [
        {
          params: {
            first_name: "Sean",
            last_name: "Thorne",
            company: "peopledatalabs.com",
            min_likelihood: 5,
            titlecase: true,
          },
        },
      ],
    });
  });

  it("looks up a batch in one bulk call and maps each item's status to its own input", async () => {
    expect(pdlPersonEnrich.batchSize).toBeGreaterThan(1);
    expect(pdlPersonEnrich.batchSize).toBeLessThanOrEqual(100);
    const before = pdl.requests.length;
    const outcomes = await pdlPersonEnrich.enrich(
      [
        contactInput({ email: "ada@acme.com" }),
        contactInput({ email: "x@notfound.example" }),
        contactInput({ last_name: "Thorne" }), // too little to match on: not sent
        contactInput({ email: "x@boom.example" }),
        contactInput({ email: "x@lowlikelihood.example" }),
        contactInput({ email: "x@malformed.example" }),
        contactInput({ email: "alan@example.org" }),
      ],
      fakeCallContext(pdl.url, KEY),
    );
    expect(pdl.requests.length - before).toBe(1);
    expect(lastRequest()?.body).toMatchObject({
      requests: Array.from({ length: 6 }, () => ({ params: {} })),
    });
    expect(outcomes.map((o) => (o.status === "error" ? `error:${o.code}` : o.status))).toEqual([
      "found",
      "not_found",
      "error:invalid_input",
      "error:server_error",
      "not_found",
      "error:server_error",
      "found",
    ]);
    const emailOf = (i: number) => {
      const o = outcomes[i];
      return o?.status === "found" ? o.values.find((v) => v.field === "email")?.value : undefined;
    };
    expect([emailOf(0), emailOf(6)]).toEqual(["ada@acme.com", "alan@example.org"]);
  });

  it("has a fake that refuses a bulk body PDL would refuse (no requests, over 100, no params)", async () => {
    const post = (body: unknown) =>
      fetch(`${pdl.url}/v5/person/bulk`, {
        method: "POST",
        headers: { "x-api-key": KEY, "content-type": "application/json" },
        body: JSON.stringify(body),
      }).then((r) => r.status);
    const one = { params: { email: "a@acme.com" } };
    expect(await post({ requests: [] })).toBe(400);
    expect(await post({ requests: Array.from({ length: 101 }, () => one) })).toBe(400);
    expect(await post({ requests: [{ email: "a@acme.com" }] })).toBe(400);
    expect(await post({ requests: Array.from({ length: 100 }, () => one) })).toBe(200);
  });

  it("gives a failure of the whole bulk call to every input", async () => {
    const two = [contactInput({ email: "a@acme.com" }), contactInput({ email: "b@acme.com" })];
    const outcomes = await pdlPersonEnrich.enrich(two, fakeCallContext(pdl.url, "no-credits"));
    expect(outcomes).toEqual([
      expect.objectContaining({ code: "quota_exceeded", retryable: false }),
      expect.objectContaining({ code: "quota_exceeded", retryable: false }),
    ]);
  });

  it("is not_found on 404, and on a match below min_likelihood", async () => {
    expect(await enrichEmail("x@notfound.example")).toMatchObject({ status: "not_found" });
    expect(await enrichEmail("x@lowlikelihood.example")).toMatchObject({ status: "not_found" });
  });

  it("maps 401, 402, 429 (Retry-After or X-RateLimit-Reset), 5xx, malformed and timeouts", async () => {
    expect(await enrichEmail("sean@acme.com", "bad-key")).toMatchObject({
      code: "unauthorized",
      retryable: false,
    });
    expect(await enrichEmail("sean@acme.com", "no-credits")).toMatchObject({
      code: "quota_exceeded",
      retryable: false,
      message: expect.stringContaining("all matches used"),
    });
    expect(await enrichEmail("x@ratelimit.example")).toMatchObject({
      code: "rate_limited",
      retryable: true,
      retryAfterMs: 2000,
    });
    const reset = await enrichEmail("x@ratelimit-reset.example");
    expect(reset).toMatchObject({ code: "rate_limited", retryable: true });
    const wait = reset?.status === "error" ? (reset.retryAfterMs ?? -1) : -1;
    expect(wait).toBeGreaterThan(1000);
    expect(wait).toBeLessThanOrEqual(3000);
    expect(await enrichEmail("x@boom.example")).toMatchObject({ code: "server_error", retryable: true });
    expect(await enrichEmail("x@malformed.example")).toMatchObject({ code: "server_error", retryable: true });
    expect(await enrichEmail("x@slow.example", KEY, 150)).toMatchObject({ code: "timeout", retryable: true });
  });

  it("refuses a contact with too little to match on, without a call", async () => {
    const before = pdl.requests.length;
    const [outcome] = await pdlPersonEnrich.enrich(
      [contactInput({ last_name: "Thorne" })],
      fakeCallContext(pdl.url, KEY),
    );
    expect(outcome).toMatchObject({ code: "invalid_input", retryable: false });
    expect(pdl.requests.length).toBe(before);
  });
});

describe("pdl-company-enrich", () => {
  const enrich = async (domain: string, key = KEY) => {
    const [outcome] = await pdlCompanyEnrich.enrich(
      [companyInput({ domain })],
      fakeCallContext(pdl.url, key),
    );
    return outcome;
  };

  it("reads the top-level company record from GET /v5/company/enrich?website=", async () => {
    const outcome = await enrich("peopledatalabs.com");
    expect(lastRequest()).toMatchObject({
      path: "/v5/company/enrich",
      query: { website: "peopledatalabs.com", min_likelihood: "5", titlecase: "true" },
      headers: { "x-api-key": KEY },
    });
    const values = outcome?.status === "found" ? outcome.values : [];
    expect(Object.fromEntries(values.map((v) => [v.field, v.value]))).toEqual({
      name: "Peopledatalabs",
      industry: "Computer Software",
      employee_count: 83,
      founded_year: 2015,
      funding_total: 55250000,
      funding_stage: "Series B",
      description: "Peopledatalabs builds data products.",
      linkedin_url: "https://linkedin.com/company/peopledatalabs",
      city: "San Francisco",
      state: "California",
      country: "United States",
    });
    expect(values.every((v) => v.confidence === 80)).toBe(true);
  });

  it("is not_found on 404 and maps failures", async () => {
    expect(await enrich("notfound.example")).toMatchObject({ status: "not_found" });
    expect(await enrich("acme.com", "bad-key")).toMatchObject({ code: "unauthorized" });
    expect(await enrich("acme.com", "no-credits")).toMatchObject({ code: "quota_exceeded" });
    expect(await enrich("ratelimit.example")).toMatchObject({ code: "rate_limited", retryAfterMs: 2000 });
    expect(await enrich("boom.example")).toMatchObject({ code: "server_error" });
  });
});

describe("checkPdlKey", () => {
  const ctx = (key: string) => ({ apiKey: key, baseUrl: pdl.url, signal: AbortSignal.timeout(2000), fetch });

  it("checks the key with the Autocomplete API (no match credits)", async () => {
    expect(await checkPdlKey(ctx(KEY))).toEqual({ status: "valid", message: "Key works" });
    expect(lastRequest()).toMatchObject({ path: "/v5/autocomplete", headers: { "x-api-key": KEY } });
    expect(await checkPdlKey(ctx("bad-key"))).toMatchObject({ status: "invalid" });
  });
});
