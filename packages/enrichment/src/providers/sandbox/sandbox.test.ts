import { companyFields, contactFields } from "@quarry/records/schemas/entities";
import { describe, expect, it } from "vitest";
import { enrichOne, valuesOf } from "../builtin/enrich-one.testing.ts";
import { classifyTitle } from "../builtin/title-classifier.ts";
import type { EnrichEntity, ProviderOutcome } from "../provider.ts";
import { SANDBOX_CONFIDENCE, SANDBOX_LABEL, sandbox } from "./sandbox.ts";

const people = Array.from({ length: 400 }, (_, i) => ({
  full_name: `Person ${i} Tester`,
  company_name: `Firm ${i % 37}`,
}));

async function foundValues(entity: EnrichEntity, values: Record<string, unknown>) {
  const outcome = await enrichOne(sandbox, entity, values);
  if (outcome.status !== "found") throw new Error(`expected found, got ${outcome.status}`);
  return outcome;
}

/** First input among many that the sandbox answers (one in five deterministically finds nothing). */
async function firstFound(entity: EnrichEntity, make: (i: number) => Record<string, unknown>) {
  for (let i = 0; i < 50; i++) {
    const outcome = await enrichOne(sandbox, entity, make(i));
    if (outcome.status === "found") return { values: make(i), outcome };
  }
  throw new Error("the sandbox found nothing for 50 inputs");
}

describe("sandbox provider", () => {
  it("is labelled as test data and costs nothing", () => {
    expect(SANDBOX_LABEL).toBe("Sandbox — test data");
    expect(sandbox).toMatchObject({ id: "sandbox", kind: "sandbox", name: SANDBOX_LABEL, costCredits: 0 });
  });

  it("gives the same answer for the same input, every time", async () => {
    const input = { full_name: "Ada Lovelace", company_name: "Analytical Engines Ltd" };
    const first = await enrichOne(sandbox, "contact", input);
    const again = await enrichOne(sandbox, "contact", { ...input });
    expect(again).toEqual(first);
  });

  it("derives its answer from the input alone, so every machine agrees", async () => {
    // Pinned: a change here means every workspace's sandbox data silently changes.
    const outcome = await enrichOne(sandbox, "company", { domain: "acme.com" });
    expect(valuesOf(outcome)).toMatchObject(PINNED_ACME);
  });

  it("answers different people differently", async () => {
    const outcomes = await Promise.all(people.slice(0, 40).map((p) => enrichOne(sandbox, "contact", p)));
    const phones = new Set(outcomes.map((o) => valuesOf(o)?.phone).filter(Boolean));
    expect(phones.size).toBeGreaterThan(15);
  });

  it("finds nothing for about one lookup in five, deterministically", async () => {
    const outcomes = await sandbox.enrich(
      people.map((values, i) => ({ entity: "contact", recordId: `r${i}`, values })),
      { apiKey: null, baseUrl: "", signal: new AbortController().signal, fetch },
    );
    const misses = outcomes.filter((o) => o.status === "not_found").length / outcomes.length;
    expect(misses).toBeGreaterThan(0.13);
    expect(misses).toBeLessThan(0.27);
  });

  it("flags every value as sandbox data", async () => {
    const { outcome } = await firstFound("contact", (i) => ({ email: `someone${i}@acme.com` }));
    expect(outcome.raw).toMatchObject({ sandbox: true, label: SANDBOX_LABEL });
    for (const value of outcome.status === "found" ? outcome.values : []) {
      expect(value.flags).toEqual(["sandbox"]);
      expect(value.confidence).toBe(SANDBOX_CONFIDENCE);
    }
  });

  it("makes up contacts that look like test data and can be stored", async () => {
    const { outcome } = await firstFound("contact", (i) => ({
      first_name: "José",
      last_name: `O'Brien${"x".repeat(i)}`,
      company_domain: "acme.com",
    }));
    const values = valuesOf(outcome) ?? {};
    expect(values.email).toMatch(/^jose\.obrienx*@acme\.example$/);
    expect(values.phone).toMatch(/^\+1\d{3}55501\d{2}$|^\+44(2079460|1614960)\d{3}$/);
    expect(values.linkedin_url).toMatch(/^https:\/\/linkedin\.example\/in\/jose-obrien/);
    expect(values.company_domain).toBeUndefined(); // the record has one: never replaced
    expectStorable(outcome, contactFields);
    const { seniority, department } = classifyTitle(String(values.title));
    expect([values.seniority, values.department]).toEqual([seniority?.value, department?.value]);
  });

  it("classifies the contact's own title instead of making one up", async () => {
    const { outcome } = await firstFound("contact", (i) => ({
      full_name: `Grace Hopper ${i}`,
      title: "VP of Sales",
    }));
    expect(valuesOf(outcome)).toMatchObject({ seniority: "vp", department: "sales" });
    expect(valuesOf(outcome)?.title).toBeUndefined();
  });

  it("makes up plausible, storable companies marked as sandbox in their description", async () => {
    const { values: input, outcome } = await firstFound("company", (i) => ({ name: `Globex ${i}` }));
    const values = valuesOf(outcome) ?? {};
    expect(String(values.description)).toMatch(new RegExp(`^Sandbox: ${input.name} is a made-up `));
    expect(Number(values.annual_revenue)).toBeGreaterThanOrEqual(Number(values.employee_count) * 80_000);
    expect(values.linkedin_url).toMatch(/^https:\/\/linkedin\.example\/company\//);
    expectStorable(outcome, companyFields);
  });

  it.each([
    ["contact", {}],
    ["contact", { company_name: "Acme" }],
    ["company", { industry: "retail" }],
  ] as const)("finds nothing for a %s without an identity %j", async (entity, values) => {
    expect(await enrichOne(sandbox, entity, values)).toEqual({ status: "not_found" });
  });

  it("never throws for odd values", async () => {
    const outcome = await foundValues("company", { domain: "acme.com", name: 42, technologies: null });
    expect(outcome.values.length).toBeGreaterThan(5);
  });
});

function expectStorable(outcome: ProviderOutcome, fields: typeof contactFields | typeof companyFields) {
  for (const value of outcome.status === "found" ? outcome.values : []) {
    const spec = (fields as Record<string, { input: { safeParse(v: unknown): { success: boolean } } }>)[
      value.field
    ];
    expect(spec, value.field).toBeDefined();
    expect(spec?.input.safeParse(value.value).success, `${value.field}: ${JSON.stringify(value.value)}`).toBe(
      true,
    );
  }
}

const PINNED_ACME = {
  industry: "hospital & health care",
  employee_count: 52,
  annual_revenue: 6_760_000,
  funding_stage: "series_a",
  phone: "+441614960018",
  city: "Manchester",
};
