import { AppError } from "@quarry/core/app-error";
import { describe, expect, it } from "vitest";
import { checkBaseUrl } from "./provider-key-secret.ts";

const production = { allowPrivateNetworks: false };
const selfHosted = { allowPrivateNetworks: true };

function refusal(raw: string, opts: { allowPrivateNetworks: boolean }): AppError | undefined {
  try {
    checkBaseUrl(raw, opts);
    return undefined;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

describe("checkBaseUrl without private networks (the production default)", () => {
  it.each([
    ["https://api.hunter.io", "https://api.hunter.io"],
    ["https://proxy.example/hunter/", "https://proxy.example/hunter"],
    ["https://8.8.8.8", "https://8.8.8.8"],
    ["https://[2606:4700:4700::1111]/", "https://[2606:4700:4700::1111]"],
  ])("accepts %s", (raw, saved) => {
    expect(checkBaseUrl(raw, production)).toBe(saved);
  });

  it.each([
    ["https://10.0.0.1", "10.0.0.1 is a private network address"],
    ["https://172.16.0.1", "172.16.0.1 is a private network address"],
    ["https://192.168.1.1", "192.168.1.1 is a private network address"],
    ["https://127.0.0.1", "127.0.0.1 is a loopback address"],
    ["https://2130706433", "127.0.0.1 is a loopback address"],
    ["https://[::1]", "[::1] is a loopback address"],
    ["https://169.254.169.254/latest/meta-data", "169.254.169.254 is a link-local address"],
    ["https://[fe80::1]", "[fe80::1] is a link-local address"],
    ["https://100.64.0.1", "100.64.0.1 is a carrier-grade NAT address"],
    ["https://[fd00::1]", "[fd00::1] is a unique-local address"],
    ["https://[::ffff:10.0.0.1]", "[::ffff:a00:1] is a private network address"],
    ["https://0.0.0.0", "0.0.0.0 is an unspecified address"],
    ["https://224.0.0.1", "224.0.0.1 is a multicast address"],
    ["https://localhost", "localhost is a name for this machine"],
    ["https://foo.localhost:8443", "foo.localhost is a name for this machine"],
    ["https://LOCALHOST./", "localhost. is a name for this machine"],
  ])("refuses %s: %s", (raw, why) => {
    expect(refusal(raw, production)).toMatchObject({
      code: "BAD_REQUEST",
      field: "baseUrl",
      message: `must be a public address: ${why}`,
    });
  });

  it.each(["http://api.hunter.io", "http://127.0.0.1:8080", "http://localhost:3000"])(
    "refuses plain http entirely: %s",
    (raw) => {
      expect(refusal(raw, production)).toMatchObject({ field: "baseUrl", message: "must use https" });
    },
  );

  it("still refuses credentials, queries and fragments", () => {
    expect(refusal("https://user:pw@api.hunter.io", production)).toMatchObject({
      field: "baseUrl",
      message: "must not contain credentials, a query or a fragment",
    });
  });
});

describe("checkBaseUrl with private networks allowed (development, test, self-hosted)", () => {
  it.each([
    "http://127.0.0.1:54321",
    "http://localhost:3000",
    "http://[::1]:8080",
    "https://10.0.0.5",
    "https://169.254.169.254",
  ])("accepts %s", (raw) => {
    expect(refusal(raw, selfHosted)).toBeUndefined();
  });

  it.each(["http://10.0.0.5", "http://api.hunter.io"])("refuses plain http to another machine: %s", (raw) => {
    expect(refusal(raw, selfHosted)).toMatchObject({
      field: "baseUrl",
      message: "must use https (plain http only for localhost)",
    });
  });
});
