import type { Env } from "@quarry/core/env";
import type { FastifyReply, FastifyRequest } from "fastify";
import { isLoopbackOrigin } from "./request-origin.ts";
import { trpcErrorBody } from "./trpc-error-body.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const JSON_TYPE = /^application\/json\s*(;|$)/i;

export type CsrfEnv = Pick<Env, "APP_ORIGIN" | "APP_ORIGIN_EXPLICIT">;

/**
 * Whether a browser page at `origin` may change data: it is APP_ORIGIN, or, while APP_ORIGIN is
 * not set, a loopback origin on the port this request came in on (local use, any spelling of
 * localhost). The Host header plays no part: a proxy or an attacker's DNS can make it anything.
 */
function isAllowedOrigin(origin: string, request: FastifyRequest, env: CsrfEnv): boolean {
  if (env.APP_ORIGIN_EXPLICIT) return origin === env.APP_ORIGIN;
  return isLoopbackOrigin(origin, request.socket.localPort);
}

/** Why a state-changing request is refused, or null when it may go on. */
export function csrfRefusal(request: FastifyRequest, env: CsrfEnv): string | null {
  if (SAFE_METHODS.has(request.method)) return null;
  const origin = request.headers.origin;
  if (!origin) return "Refused: the request has no Origin header.";
  if (!isAllowedOrigin(origin, request, env)) {
    return env.APP_ORIGIN_EXPLICIT
      ? `Refused: requests from ${origin} are not allowed; this server answers pages from ${env.APP_ORIGIN} (APP_ORIGIN).`
      : `Refused: requests from ${origin} are not allowed. If that is the address people use to open Quarry, set APP_ORIGIN to it (e.g. APP_ORIGIN=${origin}).`;
  }
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
export function csrfGuard(env: CsrfEnv) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const refusal = csrfRefusal(request, env);
    if (!refusal) return;
    request.log.warn({ origin: request.headers.origin ?? null }, "CSRF check refused a request");
    return reply.code(403).send(trpcErrorBody(403, "FORBIDDEN", refusal));
  };
}
