import { describe, expect, it } from "vitest";
import { apiKeyMatches, apiKeyPrefix, generateApiKey, hashApiKey } from "./api-key-token.ts";

describe("API key tokens", () => {
  it("generates qk_live_<id>_<secret> with at least 128 random bits and a public prefix", () => {
    const { prefix, key } = generateApiKey();
    expect(key).toMatch(/^qk_live_[a-z2-7]{8}_[a-z2-7]{32}$/);
    expect(key.startsWith(`${prefix}_`)).toBe(true);
    expect(apiKeyPrefix(key)).toBe(prefix);
    // 32 base32 characters = 160 bits of secret.
    expect((key.length - prefix.length - 1) * 5).toBeGreaterThanOrEqual(128);
    expect(generateApiKey().key).not.toBe(key);
  });

  it("matches only the exact key against its hash", () => {
    const { key } = generateApiKey();
    const stored = hashApiKey(key);
    expect(apiKeyMatches(key, stored)).toBe(true);
    expect(apiKeyMatches(`${key.slice(0, -1)}${key.endsWith("a") ? "b" : "a"}`, stored)).toBe(false);
    expect(apiKeyMatches(key, new Uint8Array(3))).toBe(false);
  });

  it("refuses strings that are not shaped like a key", () => {
    for (const bad of [
      "",
      "qk_live_",
      "Bearer x",
      "qk_live_ABCDEFGH_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      "x".repeat(500),
    ]) {
      expect(apiKeyPrefix(bad)).toBeNull();
    }
  });
});
