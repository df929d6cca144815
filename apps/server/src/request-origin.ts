import type { Env } from "@quarry/core/env";
import type { FastifyRequest } from "fastify";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/** The app's origin: APP_ORIGIN when set, else the one this request was made to. */
export function appOrigin(request: FastifyRequest, env: Pick<Env, "APP_ORIGIN">): string {
  if (env.APP_ORIGIN) return new URL(env.APP_ORIGIN).origin;
  return `${request.protocol}://${request.host}`;
}

/** Cookies carry `Secure` except on plain http to this machine (local development). */
export function isSecureRequest(request: FastifyRequest): boolean {
  return !(request.protocol === "http" && LOCAL_HOSTS.has(request.hostname));
}
