import type { Env } from "@quarry/core/env";
import type { FastifyRequest } from "fastify";
import { type Logger, pino } from "pino";
import { redactUrl } from "./redact-url.ts";

/** The process's root JSON logger; requests and the worker log through children of it. */
export function createLogger(env: Pick<Env, "LOG_LEVEL">): Logger {
  return pino({
    level: env.LOG_LEVEL,
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: ["req.headers.cookie", "req.headers.authorization", 'res.headers["set-cookie"]'],
  });
}

/**
 * How a request appears on its log lines ("incoming request", errors): fastify's fields, with
 * secret tokens taken out of the URL. `remoteAddress` is request.ip: the socket's address, or the
 * client named by X-Forwarded-For when the socket is a trusted proxy.
 */
function serializeRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

/** The logger a fastify app logs requests through: `base` with the request serializer above. */
export function requestLogger(base: Logger): Logger {
  return base.child({}, { serializers: { req: serializeRequest } });
}
