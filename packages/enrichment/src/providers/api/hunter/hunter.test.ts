import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeServer } from "../../../testing/fakes/fake-http.ts";
import { startHunterFake } from "../../../testing/fakes/hunter.fake.ts";
import { companyInput, contactInput, fakeCallContext } from "../../../testing/test-call-context.ts";
import { hunterDomainSearch } from "./hunter-domain-search.ts";
import { hunterEmailFinder } from "./hunter-email-finder.ts";
import { hunterEmailVerifier } from "./hunter-email-verifier.ts";
import { checkHunterKey } from "./hunter-key-check.ts";

let hunter: FakeServer;
beforeAll(async () => {
  hunter = await startHunterFake();
});
afterAll(() => hunter.close());

const KEY = "hunter-test-key-1234";
const person = (domain: string) =>
  contactInput({ first_name: "Ada", last_name: "Lovelace", company_domain: domain });
const find = async (domain: string, key: string | null = KEY, timeoutMs?: number) => {
  const [outcome] = await hunterEmailFinder.enrich(
    [person(domain)],
    fakeCallContext(hunter.url, key, timeoutMs),
  );
  return outcome;
};
const lastRequest = () => hunter.requests.at(-1);

describe("hunter-email-finder", () => {
  it("finds the address with Hunter's score as confidence and its verification status", async () => {
    expect(await find("acme.com")).toEqual({
      status: "found",
      raw: expect.anything(),
      values: [
        { field: "email", value: "ada.lovelace@acme.com", confidence: 91, verification: "valid" },
        { field: "title", value: "Head of Sales", confidence: 91 },
        { field: "linkedin_url", value: "https://www.linkedin.com/in/ada-lovelace", confidence: 91 },
        { field: "twitter_url", value: "https://twitter.com/adalovelace", confidence: 91 },
      ],
    });
  });

  it("sends the documented request: GET /v2/email-finder, key in X-API-KEY, never in the URL", async () => {
    await find("acme.com", "secret-key-abc");
    const req = lastRequest();
    expect(req?.method).toBe("GET");
    expect(req?.path).toBe("/v2/email-finder");
    expect(req?.headers["x-api-key"]).toBe("secret-key-abc");
    expect(req?.query).toEqual({ domain: "acme.com", first_name: "Ada", last_name: "Lovelace" });
  });

  it("uses full_name when first and last names are missing, and a bare domain from a URL", async () => {
    const input = contactInput({ full_name: "Grace Hopper", company_domain: "https://www.Navy.mil/about" });
    const [outcome] = await hunterEmailFinder.enrich([input], fakeCallContext(hunter.url, KEY));
    expect(lastRequest()?.query).toEqual({ domain: "navy.mil", full_name: "Grace Hopper" });
    expect(outcome).toMatchObject({
      status: "found",
      values: expect.arrayContaining([
        expect.objectContaining({ field: "email", value: "grace.hopper@navy.mil" }),
      ]),
    });
  });

  it("is not_found when Hunter answers 200 with data.email null", async () => {
    expect(await find("notfound.example")).toMatchObject({ status: "not_found" });
  });

  it("is not_found when the person opted out (451)", async () => {
    expect(await find("legal.example")).toMatchObject({ status: "not_found" });
  });

  it("maps 401 to a non-retryable unauthorized error", async () => {
    expect(await find("acme.com", "bad-key")).toMatchObject({
      status: "error",
      code: "unauthorized",
      retryable: false,
      message: expect.stringContaining("No user found for the API key supplied"),
    });
  });

  it("does not call Hunter without a key", async () => {
    const before = hunter.requests.length;
    expect(await find("acme.com", null)).toMatchObject({
      status: "error",
      code: "unauthorized",
      retryable: false,
    });
    expect(hunter.requests.length).toBe(before);
  });

  it("maps 429 (Hunter's usage limit) to quota_exceeded, not retryable", async () => {
    expect(await find("acme.com", "no-credits")).toMatchObject({
      status: "error",
      code: "quota_exceeded",
      retryable: false,
    });
  });

  it("maps 403 (Hunter's rate limit) to rate_limited, retryable after Retry-After", async () => {
    expect(await find("ratelimit.example")).toEqual({
      status: "error",
      code: "rate_limited",
      retryable: true,
      retryAfterMs: 2000,
      message: expect.stringContaining("rate limit"),
    });
  });

  it("maps 5xx to a retryable server_error", async () => {
    expect(await find("boom.example")).toMatchObject({
      status: "error",
      code: "server_error",
      retryable: true,
    });
  });

  it("treats a body that breaks the documented shape as a retryable server_error", async () => {
    expect(await find("malformed.example")).toMatchObject({
      status: "error",
      code: "server_error",
      retryable: true,
    });
  });

  it("times out on a vendor that never answers", async () => {
    const started = Date.now();
    expect(await find("slow.example", KEY, 150)).toMatchObject({
      status: "error",
      code: "timeout",
      retryable: true,
    });
    // The 150 ms timeout, not the 30 s default, ended the call: far apart, so a busy machine cannot flake it.
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("maps Hunter's 400 to invalid_input, and refuses incomplete input without a call", async () => {
    expect(await find("not a domain")).toMatchObject({
      status: "error",
      code: "invalid_input",
      retryable: false,
    });
    const before = hunter.requests.length;
    const [outcome] = await hunterEmailFinder.enrich(
      [contactInput({ first_name: "Ada", company_domain: "acme.com" })],
      fakeCallContext(hunter.url, KEY),
    );
    expect(outcome).toMatchObject({ status: "error", code: "invalid_input" });
    expect(hunter.requests.length).toBe(before);
  });

  it("answers one outcome per input, in order", async () => {
    const outcomes = await hunterEmailFinder.enrich(
      [person("acme.com"), person("notfound.example"), person("boom.example")],
      fakeCallContext(hunter.url, KEY),
    );
    expect(outcomes.map((o) => o.status)).toEqual(["found", "not_found", "error"]);
  });
});

describe("hunter-email-verifier", () => {
  const verify = async (email: string, key = KEY) => {
    const [outcome] = await hunterEmailVerifier.enrich(
      [contactInput({ email })],
      fakeCallContext(hunter.url, key),
    );
    return outcome;
  };

  it("calls GET /v2/email-verifier with the address and the key header", async () => {
    await verify("ada@acme.com");
    expect(lastRequest()).toMatchObject({
      path: "/v2/email-verifier",
      query: { email: "ada@acme.com" },
      headers: { "x-api-key": KEY },
    });
  });

  it("maps each documented status to a verification", async () => {
    expect(await verify("ada@acme.com")).toMatchObject({
      status: "found",
      values: [{ field: "email", value: "ada@acme.com", confidence: 97, verification: "valid" }],
    });
    expect(await verify("ada@accept-all.example")).toMatchObject({
      values: [{ verification: "risky", flags: ["accept_all"], confidence: 60 }],
    });
    expect(await verify("ada@invalid.example")).toMatchObject({ values: [{ verification: "invalid" }] });
    expect(await verify("ada@disposable.example")).toMatchObject({
      values: [{ verification: "risky", flags: ["disposable"] }],
    });
  });

  it("is not_found for webmail and unknown (Hunter skips and does not count them)", async () => {
    expect(await verify("ada@gmail.com")).toMatchObject({ status: "not_found" });
    expect(await verify("ada@notfound.example")).toMatchObject({ status: "not_found" });
  });

  it("retries later on 202 (still verifying) and 222 (remote server failed)", async () => {
    expect(await verify("ada@pending.example")).toMatchObject({
      code: "verification_pending",
      retryable: true,
    });
    expect(await verify("ada@smtpfail.example")).toMatchObject({
      code: "verification_failed",
      retryable: true,
    });
  });

  it("shares the error mapping: 429 quota, 403 rate limit, 500", async () => {
    expect(await verify("ada@acme.com", "no-credits")).toMatchObject({
      code: "quota_exceeded",
      retryable: false,
    });
    expect(await verify("ada@ratelimit.example")).toMatchObject({ code: "rate_limited", retryAfterMs: 2000 });
    expect(await verify("ada@boom.example")).toMatchObject({ code: "server_error", retryable: true });
  });
});

describe("hunter-domain-search", () => {
  const search = async (domain: string, key = KEY) => {
    const [outcome] = await hunterDomainSearch.enrich(
      [companyInput({ domain })],
      fakeCallContext(hunter.url, key),
    );
    return outcome;
  };

  it("fills company facts and asks for one address only (Hunter counts per 10 returned)", async () => {
    expect(await search("acme-corp.com")).toEqual({
      status: "found",
      raw: expect.anything(),
      values: [
        { field: "name", value: "Acme Corp", confidence: 75 },
        { field: "industry", value: "Software", confidence: 75 },
        { field: "description", value: "Acme Corp makes software for sales teams.", confidence: 75 },
        { field: "linkedin_url", value: "https://www.linkedin.com/company/acme-corp", confidence: 75 },
        { field: "technologies", value: ["react", "stripe"], confidence: 75 },
        { field: "city", value: "San Francisco", confidence: 75 },
        { field: "state", value: "CA", confidence: 75 },
        { field: "country", value: "US", confidence: 75 },
      ],
    });
    expect(lastRequest()).toMatchObject({
      path: "/v2/domain-search",
      query: { domain: "acme-corp.com", limit: "1", offset: "0" },
    });
  });

  it("is not_found for a domain Hunter knows nothing about", async () => {
    expect(await search("notfound.example")).toMatchObject({ status: "not_found" });
  });

  it("maps failures like the other Hunter endpoints", async () => {
    expect(await search("acme.com", "bad-key")).toMatchObject({ code: "unauthorized" });
    expect(await search("ratelimit.example")).toMatchObject({ code: "rate_limited", retryAfterMs: 2000 });
    expect(await search("malformed.example")).toMatchObject({ code: "server_error" });
  });
});

describe("checkHunterKey", () => {
  const ctx = (key: string) => ({
    apiKey: key,
    baseUrl: hunter.url,
    signal: AbortSignal.timeout(2000),
    fetch,
  });

  it("reads /v2/account: a working key, with the searches left", async () => {
    expect(await checkHunterKey(ctx(KEY))).toEqual({
      status: "valid",
      message: "Key works (Free plan: 38 of 50 searches left)",
    });
    expect(lastRequest()).toMatchObject({ path: "/v2/account", headers: { "x-api-key": KEY } });
  });

  it("reports a rejected key and an exhausted plan", async () => {
    expect(await checkHunterKey(ctx("bad-key"))).toMatchObject({ status: "invalid" });
    expect(await checkHunterKey(ctx("no-credits"))).toMatchObject({ status: "quota_exceeded" });
  });

  it("reports an unreachable base URL", async () => {
    const closed = await startHunterFake();
    await closed.close();
    const result = await checkHunterKey({ ...ctx(KEY), baseUrl: closed.url });
    expect(result.status).toBe("unreachable");
  });
});
