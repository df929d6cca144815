import { describe, expect, it } from "vitest";
import { generateInvitationToken, hashInvitationToken } from "./invitation-token.ts";

describe("invitation tokens", () => {
  it("carries at least 128 random bits and differs every time", () => {
    const a = generateInvitationToken();
    expect(a).toMatch(/^[0-9a-f]{40}$/);
    expect(generateInvitationToken()).not.toBe(a);
  });

  it("hashes to a stable sha256 that does not contain the token", () => {
    const token = generateInvitationToken();
    expect(hashInvitationToken(token)).toBe(hashInvitationToken(token));
    expect(hashInvitationToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashInvitationToken(token)).not.toContain(token);
    expect(hashInvitationToken("abc")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });
});
