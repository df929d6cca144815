import type { WorkspaceAction } from "@quarry/core/actions";
import type { Clock } from "@quarry/core/clock";
import { idSchema } from "@quarry/core/ids";
import type { Logger } from "@quarry/core/logger";
import type { Outbound } from "@quarry/core/outbound";
import { apiKeyActor } from "@quarry/core/service-context";
import type { Database } from "@quarry/db/client";
import type { ServiceCtx } from "@quarry/db/service-context";
import type { ApiKeyAuth } from "@quarry/workspaces/services/authenticate-api-key";
import { z } from "zod";

/** A zod schema with the name it has under components.schemas in the OpenAPI document. */
export interface NamedSchema<S extends z.ZodType = z.ZodType> {
  name: string;
  schema: S;
}

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * What a handler gets: validated input, the key it was called with, the request's database and
 * log, and `svc`, the service context built from them once (the key as actor, its workspace).
 */
export interface RestCall<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  key: ApiKeyAuth;
  /** The request's transaction when the route is idempotent and a key was sent. */
  db: Database;
  clock: Clock;
  log: Logger;
  svc: ServiceCtx;
  /** The process's secret box and guarded fetch, for calls made on the workspace's behalf. */
  outbound: Outbound;
}

/** What a route answers: the status and the snake_case JSON body. */
export interface RestResult {
  status: number;
  body: unknown;
}

export interface RestResponseDoc {
  status: number;
  description: string;
  schema?: NamedSchema;
}

/** The documented shape of one endpoint: everything the OpenAPI document and the mounting need. */
export interface RestRouteDoc {
  method: HttpMethod;
  /** Path under /api/v1, Fastify style: `/contacts/:id`. */
  url: string;
  /** The action of the one permission matrix this route takes; an API key's scope must allow it. */
  action: WorkspaceAction;
  /** A creating POST: honours an `Idempotency-Key` header (the first answer is replayed). */
  idempotent?: boolean;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: NamedSchema;
  /** An example request body for the docs (OpenAPI `example`, the curl line on /api/docs). */
  example?: unknown;
  responses: RestResponseDoc[];
  /** Error statuses this endpoint can answer with besides 401, 403 and 429 (which all can). */
  errors: number[];
}

/** Raw input of one request, before validation. */
export type RestRequest = Omit<RestCall<unknown, unknown, unknown>, "params" | "query" | "body" | "svc"> & {
  params: unknown;
  query: unknown;
  body: unknown;
};

export interface RestRoute extends RestRouteDoc {
  /** Validates params, query and body (a ZodError names the field) and runs the handler. */
  handle(request: RestRequest): Promise<RestResult>;
}

const noInput = z.object({});

/** The service context of an API call: the key's workspace, the key as actor (writes attributed to its creator). */
export function restServiceCtx(request: RestRequest): ServiceCtx {
  return {
    db: request.db,
    workspaceId: request.key.workspaceId,
    actor: apiKeyActor(request.key),
    log: request.log,
    clock: request.clock,
    limits: request.outbound.limits,
  };
}

/** `{ id }` in the path: the id of a record or run of the key's workspace. */
export const idParams = z.object({ id: idSchema.meta({ description: "The id (a UUID)." }) });

/**
 * One endpoint of a domain: its documentation, its action and its handler, checked against the
 * same zod schemas as its procedures. Framework-free: apps/server mounts it.
 */
export function defineRoute<
  P extends z.ZodObject = typeof noInput,
  Q extends z.ZodObject = typeof noInput,
  B extends z.ZodType = z.ZodUndefined,
>(
  def: Omit<RestRouteDoc, "params" | "query" | "body"> & {
    params?: P;
    query?: Q;
    body?: NamedSchema<B>;
    handler(call: RestCall<z.output<P>, z.output<Q>, z.output<B>>): Promise<RestResult>;
  },
): RestRoute {
  const { handler, ...doc } = def;
  return {
    ...doc,
    async handle(request) {
      const params = (def.params ?? noInput).parse(request.params) as z.output<P>;
      const query = (def.query ?? noInput).parse(request.query) as z.output<Q>;
      const body = (def.body ? def.body.schema.parse(request.body) : undefined) as z.output<B>;
      return handler({ ...request, params, query, body, svc: restServiceCtx(request) });
    },
  };
}
