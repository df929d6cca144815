import { describe, expect, it } from "vitest";
import { parseRetryAfter, vendorUrl } from "./vendor-http.ts";

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-01-15T12:00:00Z");
  it("reads delay-seconds and HTTP dates", () => {
    expect(parseRetryAfter("2", now)).toBe(2000);
    expect(parseRetryAfter(" 0.5 ", now)).toBe(500);
    expect(parseRetryAfter("Thu, 15 Jan 2026 12:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Thu, 15 Jan 2026 11:00:00 GMT", now)).toBe(0);
  });
  it("ignores missing and unreadable values", () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
  });
});

describe("vendorUrl", () => {
  it("keeps a base URL's own path and sets the query", () => {
    expect(vendorUrl("https://proxy.example/hunter/", "/v2/account", { a: "1 2", b: undefined })).toBe(
      "https://proxy.example/hunter/v2/account?a=1+2",
    );
  });
});
