import { systemClock } from "@quarry/core/clock";
import { parseEnv } from "@quarry/core/env";
import { testOutbound } from "@quarry/core/testing/test-outbound";
import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.ts";
import type { OpenApiDocument } from "./openapi.ts";
import { openApiPath } from "./openapi.ts";

let t: TestDatabase;
let app: FastifyInstance;
let base: string;
const registered: Array<{ method: string; url: string }> = [];

beforeAll(async () => {
  t = await createTestDatabase();
  app = buildApp({
    db: t.db,
    env: parseEnv({ NODE_ENV: "test", LOG_LEVEL: "silent" }),
    clock: systemClock,
    outbound: testOutbound,
  });
  // Plugins load on listen, after this hook is in place: it sees every route the app really serves.
  app.addHook("onRoute", (route) => {
    for (const method of [route.method].flat()) registered.push({ method, url: route.url });
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  base = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

async function getDocument(): Promise<OpenApiDocument> {
  const res = await fetch(`${base}/api/v1/openapi.json`);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/application\/json/);
  return (await res.json()) as OpenApiDocument;
}

/** Every `$ref` in the document, wherever it is. */
function refs(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refs);
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => (k === "$ref" && typeof v === "string" ? [v] : refs(v)));
  }
  return [];
}

describe("GET /api/v1/openapi.json", () => {
  it("documents every /api/v1 route the server registers", async () => {
    const doc = await getDocument();
    const apiRoutes = registered.filter(
      (r) => r.url.startsWith("/api/v1/") && r.method !== "HEAD" && !r.url.endsWith("/*"),
    );
    expect(apiRoutes.length).toBeGreaterThanOrEqual(11);
    for (const route of apiRoutes) {
      const path = openApiPath(route.url.slice("/api/v1".length));
      expect(doc.paths[path]?.[route.method.toLowerCase()], `${route.method} ${route.url}`).toBeDefined();
    }
    // …and nothing that is not served.
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const served = new Set(apiRoutes.map((r) => `${r.method} ${openApiPath(r.url.slice("/api/v1".length))}`));
    expect(documented.filter((d) => !served.has(d))).toEqual([]);
  });

  it("is an OpenAPI 3.1 document whose references all resolve", async () => {
    const doc = await getDocument();
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers).toEqual([{ url: "/api/v1" }]);
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(["Contact", "ContactInput", "ContactUpsert", "ContactList", "Company", "Error"]),
    );
    for (const ref of refs(doc)) {
      const [, section, name] = /^#\/components\/(\w+)\/(.+)$/.exec(ref) ?? [];
      const table = (doc.components as Record<string, Record<string, unknown>>)[section ?? ""];
      expect(table?.[name ?? ""], ref).toBeDefined();
    }
    const ids = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((o) => o.operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("describes bodies, parameters and errors from the records schemas", async () => {
    const doc = await getDocument();
    const contactInput = doc.components.schemas.ContactInput as {
      properties: Record<string, unknown>;
      additionalProperties: unknown;
    };
    expect(Object.keys(contactInput.properties)).toEqual(
      expect.arrayContaining(["email", "first_name", "company_id", "custom"]),
    );
    expect(contactInput.additionalProperties).toBe(false);
    expect(doc.components.schemas.ContactUpsert).toMatchObject({ required: ["email"] });
    expect(doc.components.schemas.CompanyUpsert).toMatchObject({ required: ["domain"] });

    const list = doc.paths["/contacts"]?.get;
    expect(list?.parameters?.map((p) => p.name)).toEqual(["cursor", "limit", "search", "sort"]);
    expect(list?.parameters?.find((p) => p.name === "limit")).toMatchObject({
      in: "query",
      required: false,
      schema: { type: "integer", minimum: 1, maximum: 500, default: 50 },
    });
    const upsert = doc.paths["/contacts"]?.put;
    expect(Object.keys(upsert?.responses ?? {})).toEqual(
      expect.arrayContaining(["200", "201", "400", "401", "403", "429"]),
    );
    expect(doc.paths["/contacts/{id}"]?.patch?.parameters?.[0]).toMatchObject({
      name: "id",
      in: "path",
      required: true,
    });
    expect(doc.components.schemas.Error).toMatchObject({
      properties: { error: { required: ["code", "message"] } },
    });
  });

  it("names every property of every schema in snake_case, and says so", async () => {
    const doc = await getDocument();
    expect(doc.info.description).toContain("snake_case");
    const names = (value: unknown): string[] => {
      if (Array.isArray(value)) return value.flatMap(names);
      if (!value || typeof value !== "object") return [];
      return Object.entries(value).flatMap(([k, v]) =>
        k === "properties" && v && typeof v === "object"
          ? [...Object.keys(v), ...names(Object.values(v))]
          : names(v),
      );
    };
    const all = names(doc.components.schemas);
    expect(all).toEqual(expect.arrayContaining(["next_cursor", "deleted_at", "created_at", "record_count"]));
    expect(all.filter((n) => /[A-Z]/.test(n))).toEqual([]);
  });

  it("documents the Idempotency-Key header on exactly the creating POSTs", async () => {
    const doc = await getDocument();
    const withHeader = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => op.parameters?.some((p) => p.in === "header" && p.name === "Idempotency-Key"))
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(withHeader.sort()).toEqual(["POST /companies", "POST /contacts", "POST /enrichment/runs"]);
    expect(doc.paths["/enrichment/runs"]?.post?.responses["201"]).toMatchObject({
      headers: { "Idempotent-Replayed": { $ref: "#/components/headers/Idempotent-Replayed" } },
    });
  });
});

describe("GET /api/docs", () => {
  it("renders every endpoint with a curl example, self-contained", async () => {
    const res = await fetch(`${base}/api/docs`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    const html = await res.text();
    const doc = await getDocument();
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const method of Object.keys(ops)) {
        expect(html).toContain(`${method.toUpperCase()}</span> <code>/api/v1${path}</code>`);
      }
    }
    expect(html).toContain(`curl -X PUT &#39;${base}/api/v1/contacts&#39;`);
    expect(html).toContain("Authorization: Bearer $QUARRY_API_KEY");
    // The creating POSTs' curl lines send a fresh Idempotency-Key; nothing else does.
    expect(html.split("Idempotency-Key: $(uuidgen)")).toHaveLength(4);
    expect(html).not.toMatch(/<script|(src|href)="https?:/);
  });
});
