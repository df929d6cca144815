import type { Clock } from "@quarry/core/clock";
import type { Logger } from "@quarry/core/logger";
import type { Database } from "@quarry/db/client";
import type { ApiKeyAuth } from "@quarry/workspaces/services/authenticate-api-key";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { apiKeyOf } from "./api-key-guard.ts";

/** A zod schema with the name it has under components.schemas in the OpenAPI document. */
export interface NamedSchema<S extends z.ZodType = z.ZodType> {
  name: string;
  schema: S;
}

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** What a handler gets: validated input, the key's grant, and the request's database and log. */
export interface ApiCall<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  key: ApiKeyAuth;
  db: Database;
  clock: Clock;
  log: Logger;
}

export interface ApiResponseDoc {
  status: number;
  description: string;
  schema?: NamedSchema;
}

/** The documented shape of one endpoint: everything the OpenAPI document says about it. */
export interface ApiRouteDoc {
  method: HttpMethod;
  /** Path under /api/v1, Fastify style: `/contacts/:id`. */
  url: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: NamedSchema;
  /** An example request body for the docs (OpenAPI `example`, the curl line on /api/docs). */
  example?: unknown;
  responses: ApiResponseDoc[];
  /** Error statuses this endpoint can answer with besides 401 and 429 (which all can). */
  errors: number[];
}

export interface ApiRoute extends ApiRouteDoc {
  register(scope: FastifyInstance, deps: { db: Database; clock: Clock }): void;
}

const noInput = z.object({});

/**
 * One endpoint: its documentation and its handler, checked against the same zod schemas. Path
 * parameters, query and body are validated before the handler runs; a failure answers 400
 * naming the field.
 */
export function defineRoute<
  P extends z.ZodObject = typeof noInput,
  Q extends z.ZodObject = typeof noInput,
  B extends z.ZodType = z.ZodUndefined,
>(
  def: Omit<ApiRouteDoc, "params" | "query" | "body"> & {
    params?: P;
    query?: Q;
    body?: NamedSchema<B>;
    handler(call: ApiCall<z.output<P>, z.output<Q>, z.output<B>>): Promise<{ status: number; body: unknown }>;
  },
): ApiRoute {
  const { handler, ...doc } = def;
  return {
    ...doc,
    register(scope, deps) {
      scope.route({
        method: def.method,
        url: def.url,
        handler: async (request, reply) => {
          const params = (def.params ?? noInput).parse(request.params) as z.output<P>;
          const query = (def.query ?? noInput).parse(request.query) as z.output<Q>;
          const body = (def.body ? def.body.schema.parse(request.body) : undefined) as z.output<B>;
          const key = apiKeyOf(request);
          const result = await handler({
            params,
            query,
            body,
            key,
            db: deps.db,
            clock: deps.clock,
            log: request.log,
          });
          return reply.code(result.status).send(result.body);
        },
      });
    },
  };
}
