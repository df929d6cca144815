import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatNumber, formatRelative, formatSignedNumber } from "./format.ts";

// Node's navigator reports en-US here; the browser uses the user's own language list.
describe("one format for dates and numbers", () => {
  const now = Date.parse("2026-03-05T12:00:00Z");

  it("writes numbers with grouping and a sign for changes", () => {
    expect(formatNumber(12345)).toBe("12,345");
    expect(formatSignedNumber(25)).toBe("+25");
    expect(formatSignedNumber(0)).toBe("0");
  });

  it("keeps a calendar day on its day in every time zone", () => {
    expect(formatDate("2026-03-05")).toBe("Mar 5, 2026");
  });

  it("writes instants with their time, and leaves text that is not a date alone", () => {
    expect(formatDateTime("2026-03-05T12:00:00Z")).toMatch(/^Mar 5, 2026, \d{1,2}:\d{2}/);
    expect(formatDate("someday")).toBe("someday");
  });

  it("says how long ago", () => {
    expect(formatRelative("2026-03-05T11:59:40Z", now)).toBe("just now");
    expect(formatRelative("2026-03-05T11:55:00Z", now)).toBe("5 minutes ago");
    expect(formatRelative("2026-03-04T12:00:00Z", now)).toBe("yesterday");
    expect(formatRelative("2026-03-08T12:00:00Z", now)).toBe("in 3 days");
  });
});
