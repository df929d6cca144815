import { describe, expect, it } from "vitest";
import { labelFor, optionsFor } from "./value-labels.ts";

describe("value labels", () => {
  it("shows stored keys as words", () => {
    expect(labelFor("seniority", "vp")).toBe("VP");
    expect(labelFor("department", "human_resources")).toBe("Human resources");
    expect(labelFor("funding_stage", "series_a")).toBe("Series A");
  });

  it("shows values it has no label for as stored, and never reads inherited keys", () => {
    expect(labelFor("seniority", "Chief Vibes Officer")).toBe("Chief Vibes Officer");
    expect(labelFor("title", "vp")).toBe("vp");
    expect(labelFor("seniority", "constructor")).toBe("constructor");
  });

  it("offers a coded field's choices, and none for free text", () => {
    expect(optionsFor("seniority")).toContainEqual({ value: "c_suite", label: "C-suite" });
    expect(optionsFor("title")).toBeNull();
  });
});
