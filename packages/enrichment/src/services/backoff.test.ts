import { describe, expect, it } from "vitest";
import { retryDelayMs } from "./backoff.ts";

describe("retryDelayMs", () => {
  const opts = { baseMs: 1000, maxMs: 60_000 };

  it("doubles per attempt within the jitter band", () => {
    expect(retryDelayMs(1, opts, () => 0)).toBe(500);
    expect(retryDelayMs(1, opts, () => 1)).toBe(1000);
    expect(retryDelayMs(3, opts, () => 0)).toBe(2000);
    expect(retryDelayMs(3, opts, () => 1)).toBe(4000);
  });

  it("is capped", () => {
    expect(retryDelayMs(30, opts, () => 1)).toBe(60_000);
  });

  it("never retries before Retry-After", () => {
    expect(retryDelayMs(1, { ...opts, retryAfterMs: 7000 }, () => 1)).toBe(7000);
    expect(retryDelayMs(5, { ...opts, retryAfterMs: 100 }, () => 1)).toBe(16_000);
  });
});
