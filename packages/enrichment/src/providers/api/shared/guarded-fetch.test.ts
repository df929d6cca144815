import type { LookupAddress } from "node:dns";
import { guardedFetch, type ResolveHost, resolvingLookup } from "@quarry/core/guarded-fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeServer, startFakeServer } from "../../../testing/fakes/fake-http.ts";
import { startHunterFake } from "../../../testing/fakes/hunter.fake.ts";
import { contactInput } from "../../../testing/test-call-context.ts";
import { hunterEmailVerifier } from "../hunter/hunter-email-verifier.ts";
import { checkHunterKey } from "../hunter/hunter-key-check.ts";
import { callVendor } from "./vendor-http.ts";

/**
 * The request-time guard against a real HTTP server on 127.0.0.1 (the Hunter fake). There is no
 * DNS to rely on here, so names resolve through an injected table: "public.example" points at
 * 127.0.0.1 the way a hostile DNS record would.
 */
let hunter: FakeServer;
let port: string;
beforeAll(async () => {
  hunter = await startHunterFake();
  port = new URL(hunter.url).port;
});
afterAll(() => hunter.close());

const dnsTable: Record<string, LookupAddress[]> = {
  "public.example": [{ address: "127.0.0.1", family: 4 }],
  "mixed.example": [
    { address: "10.0.0.5", family: 4 },
    { address: "93.184.215.14", family: 4 },
    { address: "fd00::5", family: 6 },
    { address: "2606:2800:21f:cb07:6820:80da:af6b:8b2c", family: 6 },
  ],
  "inside.example": [
    { address: "10.0.0.5", family: 4 },
    { address: "fd00::5", family: 6 },
  ],
};
const resolve: ResolveHost = async (hostname) => {
  const found = dnsTable[hostname];
  if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
  return found;
};
const refusing = guardedFetch({ allowPrivateNetworks: false, resolve });
const allowing = guardedFetch({ allowPrivateNetworks: true, resolve });

const HINT = "set QUARRY_ALLOW_PRIVATE_NETWORKS=true to allow it on a self-hosted install";
const accountUrl = (host: string) => `http://${host}:${port}/v2/account`;
const get = (f: typeof fetch, url: string) =>
  f(url, { headers: { "x-api-key": "k" }, signal: AbortSignal.timeout(3000) });

describe("guardedFetch without private networks", () => {
  it.each([
    ["127.0.0.1", "127.0.0.1"],
    ["[::1]", "::1"],
    ["public.example", "127.0.0.1, from public.example"],
    ["localhost", "127.0.0.1, from localhost"],
  ])("refuses %s before a byte is sent", async (host, where) => {
    const localhost: ResolveHost = async () => [{ address: "127.0.0.1", family: 4 }];
    const f =
      host === "localhost" ? guardedFetch({ allowPrivateNetworks: false, resolve: localhost }) : refusing;
    const before = hunter.requests.length;
    const error = await get(f, accountUrl(host)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).cause).toMatchObject({
      code: "ERR_PRIVATE_ADDRESS_REFUSED",
      message: `Refused to connect to a private address (${where}): ${HINT}`,
    });
    expect(hunter.requests.length).toBe(before);
  });

  it("connects to a name's public addresses only, and refuses a name with none", () => {
    const lookup = resolvingLookup(resolve, true);
    const ask = (hostname: string, options: { all?: boolean; family?: number }) =>
      new Promise<{ err: unknown; address: unknown; family?: number }>((done) =>
        lookup(hostname, options, (err, address, family) => done({ err, address, family })),
      );
    return Promise.all([
      expect(ask("mixed.example", { all: true })).resolves.toEqual({
        err: null,
        address: [
          { address: "93.184.215.14", family: 4 },
          { address: "2606:2800:21f:cb07:6820:80da:af6b:8b2c", family: 6 },
        ],
        family: undefined,
      }),
      expect(ask("mixed.example", { family: 6 })).resolves.toEqual({
        err: null,
        address: "2606:2800:21f:cb07:6820:80da:af6b:8b2c",
        family: 6,
      }),
      expect(ask("inside.example", { all: true })).resolves.toMatchObject({
        err: { message: `Refused to connect to a private address (10.0.0.5, from inside.example): ${HINT}` },
      }),
      expect(ask("nowhere.example", { all: true })).resolves.toMatchObject({
        err: { code: "ENOTFOUND" },
      }),
    ]);
  });
});

describe("guardedFetch with private networks allowed", () => {
  it.each(["127.0.0.1", "public.example"])("reaches %s", async (host) => {
    const res = await get(allowing, accountUrl(host));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ data: { plan_name: "Free" } });
    expect(hunter.requests.at(-1)?.path).toBe("/v2/account");
  });
});

describe("a vendor call aimed at a private address", () => {
  const verify = async (f: typeof fetch, baseUrl: string) => {
    const [outcome] = await hunterEmailVerifier.enrich([contactInput({ email: "ada@acme.com" })], {
      apiKey: "hunter-key",
      baseUrl,
      signal: AbortSignal.timeout(3000),
      fetch: f,
    });
    return outcome;
  };

  it.each([
    ["the fake's own address", () => hunter.url, "127.0.0.1"],
    [
      "a public name that DNS points inward",
      () => `http://public.example:${port}`,
      "127.0.0.1, from public.example",
    ],
  ])("fails once, not retryable, and says why: %s", async (_, baseUrl, where) => {
    const before = hunter.requests.length;
    expect(await verify(refusing, baseUrl())).toEqual({
      status: "error",
      code: "private_address",
      retryable: false,
      message: `Could not reach Hunter: Refused to connect to a private address (${where}): ${HINT}`,
    });
    expect(hunter.requests.length).toBe(before);
  });

  it("is looked up as usual when private networks are allowed", async () => {
    expect(await verify(allowing, hunter.url)).toMatchObject({ status: "found" });
  });

  it("shows the key check as unreachable, with the reason", async () => {
    const check = (f: typeof fetch) =>
      checkHunterKey({
        apiKey: "hunter-key",
        baseUrl: hunter.url,
        signal: AbortSignal.timeout(3000),
        fetch: f,
      });
    expect(await check(refusing)).toEqual({
      status: "unreachable",
      message: `Could not reach Hunter: Refused to connect to a private address (127.0.0.1): ${HINT}`,
    });
    expect(await check(allowing)).toMatchObject({ status: "valid" });
  });
});

describe("a vendor answering with a redirect", () => {
  it("is not followed, even where private networks are allowed", async () => {
    const redirecting = await startFakeServer(() => ({
      status: 302,
      headers: { location: `${hunter.url}/v2/account` },
    }));
    try {
      const before = hunter.requests.length;
      const result = await callVendor(
        "Hunter",
        { baseUrl: redirecting.url, signal: AbortSignal.timeout(3000), fetch: allowing },
        { method: "GET", path: "/v2/account" },
      );
      expect(result).toMatchObject({ ok: false, outcome: { status: "error" } });
      expect(redirecting.requests).toHaveLength(1);
      expect(hunter.requests.length).toBe(before);
    } finally {
      await redirecting.close();
    }
  });
});
