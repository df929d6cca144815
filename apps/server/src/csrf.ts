import type { Env } from "@quarry/core/env";
import type { FastifyReply, FastifyRequest } from "fastify";
import { appOrigin } from "./request-origin.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const JSON_TYPE = /^application\/json\s*(;|$)/i;

/** Why a state-changing request is refused, or null when it may go on. */
export function csrfRefusal(request: FastifyRequest, env: Pick<Env, "APP_ORIGIN">): string | null {
  if (SAFE_METHODS.has(request.method)) return null;
  const origin = request.headers.origin;
  if (!origin) return "Refused: the request has no Origin header.";
  if (origin !== appOrigin(request, env)) return `Refused: requests from ${origin} are not allowed.`;
  if (!JSON_TYPE.test(request.headers["content-type"] ?? "")) {
    return "Refused: requests that change data must send JSON (Content-Type: application/json).";
  }
  return null;
}

/**
 * onRequest hook for /trpc: a mutation (POST) must come from the app's own origin with a JSON
 * body, which a cross-site form or a "simple" cross-site fetch cannot send. The answer is shaped
 * like a tRPC error so the client shows the message.
 */
export function csrfGuard(env: Pick<Env, "APP_ORIGIN">) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const refusal = csrfRefusal(request, env);
    if (!refusal) return;
    request.log.warn({ origin: request.headers.origin ?? null }, "CSRF check refused a request");
    return reply.code(403).send({
      error: {
        message: refusal,
        code: -32003,
        data: { code: "FORBIDDEN", httpStatus: 403, path: null, fieldErrors: null, retryAfter: null },
      },
    });
  };
}
