import { DAY } from "@quarry/core/clock";
import { describe, expect, it } from "vitest";
import { invitationStatus } from "./invitation-status.ts";

const now = new Date("2026-01-15T12:00:00Z");
const open = { accepted_at: null, revoked_at: null, expires_at: new Date(now.getTime() + DAY) };

describe("invitationStatus", () => {
  it("is pending until the expiry instant, expired from it on", () => {
    expect(invitationStatus(open, now)).toBe("pending");
    expect(invitationStatus(open, new Date(now.getTime() + DAY - 1))).toBe("pending");
    expect(invitationStatus(open, new Date(now.getTime() + DAY))).toBe("expired");
  });

  it("reports used and revoked even after the expiry", () => {
    const later = new Date(now.getTime() + 2 * DAY);
    expect(invitationStatus({ ...open, accepted_at: now }, later)).toBe("used");
    expect(invitationStatus({ ...open, revoked_at: now }, later)).toBe("revoked");
  });
});
