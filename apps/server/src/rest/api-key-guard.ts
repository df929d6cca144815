import type { Clock } from "@quarry/core/clock";
import type { Database } from "@quarry/db/client";
import { consumeApiKeyRateLimit, type RateLimitPolicy } from "@quarry/workspaces/services/api-key-rate-limit";
import { type ApiKeyAuth, authenticateApiKey } from "@quarry/workspaces/services/authenticate-api-key";
import type { FastifyReply, FastifyRequest } from "fastify";
import { sendApiFailure } from "./api-error.ts";

const grants = new WeakMap<FastifyRequest, ApiKeyAuth>();

/** The key a request to /api/v1 was authenticated with (set by the guard before any handler). */
export function apiKeyOf(request: FastifyRequest): ApiKeyAuth {
  const key = grants.get(request);
  if (!key) throw new Error("API request without an authenticated key");
  return key;
}

/** The key from `Authorization: Bearer <key>`, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  return match?.[1] ?? null;
}

function unauthorized(reply: FastifyReply, message: string): FastifyReply {
  reply.header("www-authenticate", 'Bearer realm="quarry-api"');
  return sendApiFailure(reply, { status: 401, code: "unauthorized", message });
}

/**
 * onRequest hook for /api/v1: authenticates the bearer key (cookies are never read here, so CSRF
 * cannot apply) and spends its rate limit, with RateLimit-* headers. What the key may do is not
 * decided here: each route declares its action, checked against the key's scope when mounted
 * (mount-route.ts).
 */
export function apiKeyGuard(deps: { db: Database; clock: Clock; rateLimit: RateLimitPolicy }) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const bearer = bearerToken(request.headers.authorization);
    if (!bearer) return unauthorized(reply, "Send your API key in the header Authorization: Bearer <key>.");
    const key = await authenticateApiKey(deps.db, deps.clock, bearer);
    if (!key) return unauthorized(reply, "This API key is not valid: it is mistyped or has been revoked.");
    grants.set(request, key);
    const log = request.log.child({ workspaceId: key.workspaceId, apiKeyId: key.keyId });
    request.log = log;
    reply.log = log;

    const limit = await consumeApiKeyRateLimit(deps.db, deps.clock, key, deps.rateLimit);
    reply.header("ratelimit-limit", String(limit.limit));
    reply.header("ratelimit-remaining", String(limit.remaining));
    reply.header("ratelimit-reset", String(limit.resetSeconds));
    if (!limit.allowed) {
      reply.header("retry-after", String(limit.resetSeconds));
      return sendApiFailure(reply, {
        status: 429,
        code: "rate_limited",
        message: `Rate limit of ${limit.limit} requests per ${deps.rateLimit.windowMs / 1000} seconds reached for this key. Try again in ${limit.resetSeconds} s.`,
      });
    }
  };
}
