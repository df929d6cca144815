import type { NamedSchema, RestRouteDoc } from "@quarry/rest/define-route";
import { IDEMPOTENCY_HEADER } from "@quarry/rest/services/idempotency";
import { z } from "zod";
import { apiErrorSchema } from "./api-error.ts";

type JsonSchema = Record<string, unknown>;

export interface OpenApiOperation {
  operationId: string;
  tags: string[];
  summary: string;
  description?: string;
  security?: Array<Record<string, string[]>>;
  parameters?: Array<{
    name: string;
    in: "path" | "query" | "header";
    required: boolean;
    description?: string;
    schema: JsonSchema;
  }>;
  requestBody?: { required: boolean; content: Record<string, { schema: JsonSchema; example?: unknown }> };
  responses: Record<string, unknown>;
}

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  servers: Array<{ url: string }>;
  security: Array<Record<string, string[]>>;
  tags: Array<{ name: string; description?: string }>;
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: {
    securitySchemes: Record<string, unknown>;
    schemas: Record<string, JsonSchema>;
    headers: Record<string, unknown>;
    responses: Record<string, unknown>;
  };
}

/** Where the API lives and where its document is served. */
export const API_PREFIX = "/api/v1";
export const OPENAPI_PATH = "/openapi.json";

/** JSON Schema 2020-12 (the dialect of OpenAPI 3.1) of a zod schema, as requests send or responses carry it. */
export function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io,
    unrepresentable: "any",
  }) as JsonSchema;
  return rest;
}

/**
 * One components.schemas entry per named schema, plus its `$defs` (recursive parts such as a
 * filter tree) hoisted beside it as `<Name>_<def>`, with every `$ref` rewritten to match.
 */
export function componentSchemas(name: string, json: JsonSchema): Record<string, JsonSchema> {
  const { $defs, ...root } = json;
  const defName = (d: string) => `${name}_${d.replace(/^_+/, "")}`;
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (!value || typeof value !== "object") return value;
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => {
        if (k !== "$ref" || typeof v !== "string") return [k, rewrite(v)];
        if (v === "#") return [k, `#/components/schemas/${name}`];
        return [k, v.replace(/^#\/\$defs\/(.+)$/, (_, d: string) => `#/components/schemas/${defName(d)}`)];
      }),
    );
  };
  const out: Record<string, JsonSchema> = { [name]: rewrite(root) as JsonSchema };
  for (const [d, s] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>)) {
    out[defName(d)] = rewrite(s) as JsonSchema;
  }
  return out;
}

/** `/contacts/:id` → `/contacts/{id}`. */
export function openApiPath(fastifyUrl: string): string {
  return fastifyUrl.replace(/:([A-Za-z0-9_]+)/g, "{$1}");
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const errorResponses: Record<number, { name: string; description: string }> = {
  400: { name: "BadRequest", description: "The input is not valid; `field` names the culprit." },
  401: { name: "Unauthorized", description: "No API key, or a mistyped or revoked one." },
  403: { name: "Forbidden", description: "The key's scope does not allow this endpoint's action." },
  404: { name: "NotFound", description: "Nothing with this id in the key's workspace." },
  409: {
    name: "Conflict",
    description:
      "Another record already has this email or domain, a run would exceed the credits or a spend cap, or the Idempotency-Key was used with another request.",
  },
  429: { name: "TooManyRequests", description: "The key's rate limit is used up; see Retry-After." },
};

const rateLimitHeaders = {
  "RateLimit-Limit": { $ref: "#/components/headers/RateLimit-Limit" },
  "RateLimit-Remaining": { $ref: "#/components/headers/RateLimit-Remaining" },
  "RateLimit-Reset": { $ref: "#/components/headers/RateLimit-Reset" },
};

const replayedHeader = { "Idempotent-Replayed": { $ref: "#/components/headers/Idempotent-Replayed" } };

const idempotencyParameter = {
  name: IDEMPOTENCY_HEADER,
  in: "header" as const,
  required: false,
  description:
    "Makes a retry safe: a second request with the same key and the same body within 24 hours creates nothing and " +
    "answers what the first one did, with `Idempotent-Replayed: true`; the same key with another body answers 409. " +
    "1 to 255 visible ASCII characters, a UUID is the usual choice.",
  schema: { type: "string", minLength: 1, maxLength: 255 },
};

function parameters(schema: z.ZodObject | undefined, where: "path" | "query") {
  if (!schema) return [];
  const json = jsonSchema(schema, "input");
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, s]) => {
    const { description, ...rest } = s;
    return {
      name,
      in: where,
      required: where === "path" || (required.has(name) && !("default" in s)),
      ...(typeof description === "string" ? { description } : {}),
      schema: rest,
    };
  });
}

function operation(
  route: RestRouteDoc,
  schemas: Map<string, { named: NamedSchema; io: "input" | "output" }>,
) {
  const use = (named: NamedSchema, io: "input" | "output") => {
    schemas.set(named.name, { named, io });
    return ref(named.name);
  };
  const responses: Record<string, unknown> = {};
  for (const r of route.responses) {
    responses[String(r.status)] = {
      description: r.description,
      headers: route.idempotent ? { ...rateLimitHeaders, ...replayedHeader } : rateLimitHeaders,
      ...(r.schema ? { content: { "application/json": { schema: use(r.schema, "output") } } } : {}),
    };
  }
  const errors = new Set([...route.errors, 401, 403, 429, ...(route.idempotent ? [400, 409] : [])]);
  for (const status of [...errors].sort()) {
    const e = errorResponses[status];
    if (e) responses[String(status)] = { $ref: `#/components/responses/${e.name}` };
  }
  const params = [
    ...parameters(route.params, "path"),
    ...parameters(route.query, "query"),
    ...(route.idempotent ? [idempotencyParameter] : []),
  ];
  const op: OpenApiOperation = {
    operationId: route.operationId,
    tags: [route.tag],
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    ...(params.length ? { parameters: params } : {}),
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: use(route.body, "input"),
                ...(route.example === undefined ? {} : { example: route.example }),
              },
            },
          },
        }
      : {}),
    responses,
  };
  return op;
}

/** The OpenAPI 3.1 document of the REST API, built from the routes' own zod schemas. */
export function buildOpenApiDocument(routes: readonly RestRouteDoc[]): OpenApiDocument {
  const named = new Map<string, { named: NamedSchema; io: "input" | "output" }>();
  named.set("Error", { named: { name: "Error", schema: apiErrorSchema }, io: "output" });
  const paths: OpenApiDocument["paths"] = {
    [OPENAPI_PATH]: {
      get: {
        operationId: "getOpenApiDocument",
        tags: ["Meta"],
        summary: "This document",
        description: "The OpenAPI 3.1 description of the API. Needs no key.",
        security: [],
        responses: {
          "200": { description: "The document", content: { "application/json": { schema: {} } } },
        },
      },
    },
  };
  for (const route of routes) {
    const path = openApiPath(route.url);
    paths[path] ??= {};
    const ops = paths[path];
    if (ops) ops[route.method.toLowerCase()] = operation(route, named);
  }
  const schemas: Record<string, JsonSchema> = {};
  for (const [name, { named: n, io }] of [...named].sort(([a], [b]) => a.localeCompare(b))) {
    Object.assign(schemas, componentSchemas(name, jsonSchema(n.schema, io)));
  }
  const responses: Record<string, unknown> = {};
  for (const [status, e] of Object.entries(errorResponses)) {
    responses[e.name] = {
      description: e.description,
      ...(status === "429"
        ? { headers: { ...rateLimitHeaders, "Retry-After": { $ref: "#/components/headers/Retry-After" } } }
        : {}),
      content: { "application/json": { schema: ref("Error") } },
    };
  }
  const tags = [...new Set(routes.map((r) => r.tag))].map((name) => ({ name }));
  return {
    openapi: "3.1.0",
    info: {
      title: "Quarry API",
      version: "1.0.0",
      description:
        "The public REST API of a Quarry workspace. Authenticate with a workspace API key: `Authorization: Bearer qk_live_…`. " +
        "Keys are made in the app (the API keys page, for owners and admins) or with `npm run admin -- create-api-key`. " +
        "Each endpoint takes an action; a `read` key may take the read actions (every GET), a `read_write` key also the writes. " +
        "Every JSON name, in bodies and answers, is snake_case (`next_cursor`, `created_at`, `credits.spent`). " +
        "Creating POSTs accept an `Idempotency-Key` header: a retry with the same key and body replays the first answer. " +
        'Errors are `{ "error": { "code", "message", "field"? } }`.',
    },
    servers: [{ url: API_PREFIX }],
    security: [{ bearerAuth: [] }],
    tags: [...tags, { name: "Meta" }],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          description: "A workspace API key, `qk_live_<id>_<secret>`.",
        },
      },
      schemas,
      headers: {
        "RateLimit-Limit": {
          description: "Requests allowed per window for this key.",
          schema: { type: "integer" },
        },
        "RateLimit-Remaining": {
          description: "Requests left in the current window.",
          schema: { type: "integer" },
        },
        "RateLimit-Reset": { description: "Seconds until the window resets.", schema: { type: "integer" } },
        "Retry-After": { description: "Seconds to wait before trying again.", schema: { type: "integer" } },
        "Idempotent-Replayed": {
          description:
            "`true` when this is the stored answer to an earlier request with the same Idempotency-Key.",
          schema: { type: "string", enum: ["true"] },
        },
      },
      responses,
    },
  };
}
