import { describe, expect, it } from "vitest";
import { parseEnv } from "./env.ts";

const PRODUCTION_ORIGIN = { APP_ORIGIN: "https://quarry.example.com" };

describe("QUARRY_ALLOW_PRIVATE_NETWORKS", () => {
  it.each([
    [{}, false],
    [{ NODE_ENV: "development" }, false],
    [{ NODE_ENV: "test" }, false],
    [{ NODE_ENV: "production" }, false],
    [{ NODE_ENV: "production", QUARRY_ALLOW_PRIVATE_NETWORKS: "true" }, true],
    [{ NODE_ENV: "production", QUARRY_ALLOW_PRIVATE_NETWORKS: "1" }, true],
    [{ NODE_ENV: "development", QUARRY_ALLOW_PRIVATE_NETWORKS: "yes" }, true],
    [{ NODE_ENV: "development", QUARRY_ALLOW_PRIVATE_NETWORKS: "false" }, false],
    [{ NODE_ENV: "test", QUARRY_ALLOW_PRIVATE_NETWORKS: "0" }, false],
  ])("%o → %s", (source, allowed) => {
    expect(parseEnv({ ...PRODUCTION_ORIGIN, ...source }).QUARRY_ALLOW_PRIVATE_NETWORKS).toBe(allowed);
  });

  it("names the variable when the value is not a boolean", () => {
    expect(() => parseEnv({ QUARRY_ALLOW_PRIVATE_NETWORKS: "sometimes" })).toThrow(
      /QUARRY_ALLOW_PRIVATE_NETWORKS/,
    );
  });

  it("refuses the old ENRICHMENT_ALLOW_PRIVATE_NETWORKS, naming the new one", () => {
    expect(() => parseEnv({ ENRICHMENT_ALLOW_PRIVATE_NETWORKS: "true" })).toThrow(
      /ENRICHMENT_ALLOW_PRIVATE_NETWORKS: renamed: set QUARRY_ALLOW_PRIVATE_NETWORKS instead/,
    );
  });
});

describe("APP_ORIGIN", () => {
  it.each([
    [{}, "http://localhost:3000", false],
    [{ PORT: "8080" }, "http://localhost:8080", false],
    [{ APP_ORIGIN: "https://quarry.example.com" }, "https://quarry.example.com", true],
    [{ APP_ORIGIN: "https://quarry.example.com/some/path" }, "https://quarry.example.com", true],
    [{ NODE_ENV: "production", ...PRODUCTION_ORIGIN }, "https://quarry.example.com", true],
  ])("%o → %s (explicit: %s)", (source, origin, explicit) => {
    const env = parseEnv(source);
    expect(env.APP_ORIGIN).toBe(origin);
    expect(env.APP_ORIGIN_EXPLICIT).toBe(explicit);
  });

  it("is required in production, with a sentence saying what to set", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(
      /APP_ORIGIN: is required in production: set it to the address people open Quarry at/,
    );
  });

  it.each(["ftp://quarry.example.com", "quarry.example.com"])("refuses %s", (value) => {
    expect(() => parseEnv({ APP_ORIGIN: value })).toThrow(/APP_ORIGIN: must be an http\(s\) origin/);
  });
});

describe("TRUSTED_PROXIES", () => {
  it.each([
    [{}, []],
    [{ TRUSTED_PROXIES: "" }, []],
    [{ TRUSTED_PROXIES: "10.0.0.0/8" }, ["10.0.0.0/8"]],
    [{ TRUSTED_PROXIES: " 127.0.0.1 , ::1, fd00::/8" }, ["127.0.0.1", "::1", "fd00::/8"]],
  ])("%o → %o", (source, proxies) => {
    expect(parseEnv(source).TRUSTED_PROXIES).toEqual(proxies);
  });

  it.each(["everyone", "10.0.0.0/33", "0.0.0.0/0", "10.0.0.1/8/8", "10.0.0.0/x", "*"])(
    "refuses %s",
    (value) => {
      expect(() => parseEnv({ TRUSTED_PROXIES: value })).toThrow(/TRUSTED_PROXIES: must be comma-separated/);
    },
  );
});

describe("database pool settings", () => {
  it("defaults to 20 connections, a 5 s connect timeout and a 30 s statement timeout", () => {
    expect(parseEnv({})).toMatchObject({
      DATABASE_POOL_SIZE: 20,
      DATABASE_CONNECT_TIMEOUT_MS: 5000,
      DATABASE_STATEMENT_TIMEOUT_MS: 30_000,
    });
  });

  it("reads them from the environment", () => {
    const env = parseEnv({
      DATABASE_POOL_SIZE: "5",
      DATABASE_CONNECT_TIMEOUT_MS: "250",
      DATABASE_STATEMENT_TIMEOUT_MS: "1000",
    });
    expect(env).toMatchObject({
      DATABASE_POOL_SIZE: 5,
      DATABASE_CONNECT_TIMEOUT_MS: 250,
      DATABASE_STATEMENT_TIMEOUT_MS: 1000,
    });
  });

  it.each(["DATABASE_POOL_SIZE", "DATABASE_CONNECT_TIMEOUT_MS", "DATABASE_STATEMENT_TIMEOUT_MS"])(
    "names %s when it is not a positive integer",
    (name) => {
      expect(() => parseEnv({ [name]: "0" })).toThrow(new RegExp(name));
    },
  );
});

describe("Stripe settings", () => {
  it("are all unset by default (billing off)", () => {
    const env = parseEnv({});
    expect([env.STRIPE_SECRET_KEY, env.STRIPE_WEBHOOK_SECRET, env.STRIPE_API_BASE]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it.each([
    ["http://127.0.0.1:12111", { host: "127.0.0.1", port: 12111, protocol: "http" }],
    ["http://localhost", { host: "localhost", port: 80, protocol: "http" }],
    ["https://api.stripe.com", { host: "api.stripe.com", port: 443, protocol: "https" }],
    ["https://stripe-proxy.internal:8443/", { host: "stripe-proxy.internal", port: 8443, protocol: "https" }],
  ])("STRIPE_API_BASE %s → the SDK's host, port and protocol", (value, parsed) => {
    expect(parseEnv({ STRIPE_API_BASE: value }).STRIPE_API_BASE).toEqual(parsed);
  });

  it.each(["ftp://127.0.0.1:12111", "127.0.0.1:12111"])("refuses STRIPE_API_BASE %s, naming it", (value) => {
    expect(() => parseEnv({ STRIPE_API_BASE: value })).toThrow(/STRIPE_API_BASE: must be an http\(s\) URL/);
  });

  it("keeps the keys as given", () => {
    const env = parseEnv({ STRIPE_SECRET_KEY: "sk_test_1", STRIPE_WEBHOOK_SECRET: "whsec_1" });
    expect([env.STRIPE_SECRET_KEY, env.STRIPE_WEBHOOK_SECRET]).toEqual(["sk_test_1", "whsec_1"]);
  });
});
