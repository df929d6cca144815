import { companyFields, contactFields } from "@quarry/records/schemas/entities";
import { describe, expect, it } from "vitest";
import type { EnrichEntity, EnrichField, ProviderInput } from "./provider.ts";
import { defaultWaterfall, getProvider, providers, providersFor } from "./registry.ts";

const recordFields: Record<EnrichEntity, readonly string[]> = {
  contact: Object.keys(contactFields),
  company: Object.keys(companyFields),
};
/** Inputs a provider may need beyond the standard fields: imports and custom fields carry them. */
const extraInputs: Record<EnrichEntity, readonly string[]> = { contact: [], company: ["website", "email"] };
const entities = ["contact", "company"] as const;
const ctx = { apiKey: null, baseUrl: "", signal: new AbortController().signal, fetch };

describe("provider registry", () => {
  it("has unique, readable ids", () => {
    const ids = providers.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9-]*$/);
    for (const p of providers) expect(p.name.trim()).not.toBe("");
  });

  it("has the offline providers and the sandbox", () => {
    expect(providers.map((p) => p.id)).toEqual(
      expect.arrayContaining([
        "email-check",
        "domain-from-email",
        "name-parts",
        "phone-normalise",
        "title-classifier",
        "company-name-cleanup",
        "sandbox",
      ]),
    );
  });

  it.each(providers.map((p) => [p.id, p] as const))("%s fills and needs only real fields", (_, provider) => {
    for (const entity of entities) {
      for (const field of provider.fields[entity]) expect(recordFields[entity]).toContain(field);
      for (const set of provider.requires[entity] ?? []) {
        expect(set.length).toBeGreaterThan(0);
        for (const field of set) expect([...recordFields[entity], ...extraInputs[entity]]).toContain(field);
      }
      // Something to look up by for every entity it fills.
      if (provider.fields[entity].length > 0)
        expect(provider.requires[entity]?.length ?? 0).toBeGreaterThan(0);
    }
  });

  it.each(providers.map((p) => [p.id, p] as const))(
    "%s declares sane cost, limits and batch size",
    (_, p) => {
      expect(Number.isInteger(p.costCredits) && p.costCredits >= 0).toBe(true);
      expect(Number.isInteger(p.batchSize) && p.batchSize >= 1 && p.batchSize <= 1000).toBe(true);
      if (p.rateLimit) expect(p.rateLimit.requests > 0 && p.rateLimit.perMs > 0).toBe(true);
      if (p.kind === "api") {
        expect(p.defaultBaseUrl).toMatch(/^https:\/\//);
      } else {
        expect({ cost: p.costCredits, key: p.needsApiKey, rateLimit: p.rateLimit }).toEqual({
          cost: 0,
          key: false,
          rateLimit: null,
        });
      }
    },
  );

  it.each(providers.filter((p) => p.kind !== "api").map((p) => [p.id, p] as const))(
    "%s answers junk with an outcome per record, never an error",
    async (_, provider) => {
      const junk: ProviderInput[] = entities.flatMap((entity) =>
        [
          {},
          Object.fromEntries(recordFields[entity].map((f) => [f, 12345])),
          Object.fromEntries(recordFields[entity].map((f) => [f, "🙂 — ?? ,,, @@ //"])),
          Object.fromEntries(recordFields[entity].map((f) => [f, "x".repeat(5000)])),
          Object.fromEntries(recordFields[entity].map((f) => [f, { nested: true }])),
        ].map((values, i) => ({ entity, recordId: `${entity}-${i}`, values })),
      );
      const outcomes = await provider.enrich(junk, ctx);
      expect(outcomes).toHaveLength(junk.length);
      for (const outcome of outcomes) expect(outcome.status).not.toBe("error");
    },
  );

  it("finds providers by id and by the field they fill", () => {
    expect(getProvider("title-classifier")?.fields.contact).toContain("seniority");
    expect(getProvider("nope")).toBeUndefined();
    expect(providersFor("contact", "seniority").map((p) => p.id)).toEqual([
      "title-classifier",
      "apollo-people-match",
      "apollo-people-bulk-match",
      "pdl-person-enrich",
      "sandbox",
    ]);
    expect(providersFor("company", "domain").map((p) => p.id)).toContain("domain-from-email");
    expect(providersFor("company", "seniority" as EnrichField)).toEqual([]);
  });
});

describe("defaultWaterfall", () => {
  const allFields = entities.flatMap((entity) =>
    recordFields[entity].map((field) => [entity, field] as const),
  );

  it.each(allFields)("%s.%s only names registered non-sandbox providers that fill it", (entity, field) => {
    const ids = defaultWaterfall(entity, field as EnrichField);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      const provider = getProvider(id);
      expect(provider, id).toBeDefined();
      expect(provider?.kind).not.toBe("sandbox");
      expect(provider?.fields[entity]).toContain(field);
    }
  });

  it("puts the free built-ins first", () => {
    expect(defaultWaterfall("contact", "company_domain")[0]).toBe("domain-from-email");
    expect(defaultWaterfall("contact", "seniority")[0]).toBe("title-classifier");
    for (const [entity, field] of allFields) {
      const kinds = defaultWaterfall(entity, field as EnrichField).map((id) => getProvider(id)?.kind);
      const firstApi = kinds.indexOf("api");
      if (firstApi >= 0) expect(kinds.slice(firstApi)).not.toContain("builtin");
    }
  });

  it("never uses the sandbox by default, even where only it can fill the field", () => {
    expect(providersFor("company", "industry").map((p) => p.id)).toContain("sandbox");
    expect(defaultWaterfall("company", "industry")).not.toContain("sandbox");
  });
});

describe("default waterfall with the vendor APIs", () => {
  it("asks each vendor once per field, in the vendor order for that field, after the built-ins", () => {
    expect(defaultWaterfall("contact", "email")).toEqual([
      "email-check",
      "hunter-email-finder",
      "apollo-people-bulk-match",
      "pdl-person-enrich",
    ]);
    expect(defaultWaterfall("company", "industry")).toEqual([
      "pdl-company-enrich",
      "apollo-organization-enrich",
      "hunter-domain-search",
    ]);
  });
});
