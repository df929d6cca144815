import type { Clock } from "@quarry/core/clock";
import type { Outbound } from "@quarry/core/outbound";
import type { Database } from "@quarry/db/client";
import type { RestRequest, RestRoute } from "@quarry/rest/define-route";
import {
  IDEMPOTENCY_HEADER,
  parseIdempotencyKey,
  requestHash,
  runIdempotent,
} from "@quarry/rest/services/idempotency";
import { apiKeyScopeActions, keyCan } from "@quarry/workspaces/permissions";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { sendApiFailure } from "./api-error.ts";
import { apiKeyOf } from "./api-key-guard.ts";

function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const value = request.headers[IDEMPOTENCY_HEADER.toLowerCase()];
  const one = Array.isArray(value) ? value[0] : value;
  return one === undefined ? undefined : parseIdempotencyKey(one);
}

function scopesThatMay(action: string): string {
  const scopes = Object.keys(apiKeyScopeActions).filter((scope) => keyCan(scope, action));
  return scopes.length ? `a key with the ${scopes.join(" or ")} scope` : "the app (no API key may)";
}

/**
 * Serves one domain route under /api/v1: the key's scope must allow the route's action (403
 * otherwise, before the input is read); an idempotent route with an `Idempotency-Key` runs once
 * per key and replays its first answer with `Idempotent-Replayed: true`.
 */
export function mountRoute(
  scope: FastifyInstance,
  route: RestRoute,
  deps: { db: Database; clock: Clock; outbound: Outbound },
) {
  scope.route({
    method: route.method,
    url: route.url,
    handler: async (request, reply) => {
      const key = apiKeyOf(request);
      if (!keyCan(key.scope, route.action)) {
        return sendApiFailure(reply, {
          status: 403,
          code: "forbidden",
          message: `This API key has the ${key.scope} scope, which does not allow ${route.action}: ${route.method} ${route.url} needs ${scopesThatMay(route.action)}.`,
        });
      }
      const input: Omit<RestRequest, "db"> = {
        params: request.params,
        query: request.query,
        body: request.body,
        key,
        clock: deps.clock,
        log: request.log,
        outbound: deps.outbound,
      };
      const idempotencyKey = route.idempotent ? idempotencyKeyOf(request) : undefined;
      if (idempotencyKey === undefined) {
        const result = await route.handle({ ...input, db: deps.db });
        return reply.code(result.status).send(result.body);
      }
      const result = await runIdempotent(
        deps.db,
        deps.clock,
        { workspaceId: key.workspaceId, apiKeyId: key.keyId, key: idempotencyKey },
        requestHash(route.method, request.url.split("?")[0] ?? "", request.body),
        (trx) => route.handle({ ...input, db: trx }),
      );
      if (result.replayed) reply.header("idempotent-replayed", "true");
      return reply.code(result.status).send(result.body);
    },
  });
}
