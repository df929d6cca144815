import { describe, expect, it } from "vitest";
import { qualityScore } from "./record-quality.ts";

const now = new Date("2026-06-01T00:00:00Z");
const full = {
  first_name: "Ada",
  last_name: "Lovelace",
  email: "ada@example.com",
  phone: "+44 20 7946 0000",
  title: "Analyst",
  company_name: "Engines Ltd",
  linkedin_url: "https://linkedin.com/in/ada",
  country: "UK",
};
const source = (confidence: number, daysOld: number, verification: "valid" | "invalid" = "valid") => ({
  provider: "p",
  confidence,
  verification,
  fetchedAt: new Date(now.getTime() - daysOld * 86_400_000).toISOString(),
  sandbox: false,
});

describe("qualityScore", () => {
  it("is 100 for a complete record typed by people, and scales with completeness", () => {
    expect(qualityScore("contact", full, {}, now)).toBe(100);
    expect(qualityScore("contact", { ...full, phone: null, linkedin_url: "" }, {}, now)).toBe(75);
    expect(qualityScore("contact", {}, {}, now)).toBe(0);
  });

  it("weighs enriched values by confidence and halves their weight every 180 days", () => {
    const fresh = qualityScore("contact", full, { title: source(60, 0) }, now);
    expect(fresh).toBe(Math.round((100 * (7 + 0.6)) / 8));
    const aged = qualityScore("contact", full, { title: source(100, 180) }, now);
    expect(aged).toBe(Math.round((100 * (7 + 0.5)) / 8));
    expect(qualityScore("contact", full, { email: source(99, 0, "invalid") }, now)).toBe(
      Math.round((100 * 7) / 8),
    );
  });
});
