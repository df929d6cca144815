import { isIP } from "node:net";
import type { Env } from "@quarry/core/env";
import type { FastifyRequest } from "fastify";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);
/** Hostnames a browser puts in the Origin of a page served from this machine. */
const LOOPBACK_ORIGIN_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * The origin to show the requester on a page (the API docs' curl examples): APP_ORIGIN, or while
 * it is unset the loopback origin they reached this server at (127.0.0.1 vs localhost). Never any
 * other Host header, which a proxy, a shared cache or an attacker's DNS could make anything. Links
 * in mail use env.APP_ORIGIN alone.
 */
export function appOrigin(
  request: FastifyRequest,
  env: Pick<Env, "APP_ORIGIN"> & Partial<Pick<Env, "APP_ORIGIN_EXPLICIT">>,
): string {
  if (env.APP_ORIGIN_EXPLICIT !== false) return env.APP_ORIGIN;
  const requested = `${request.protocol}://${request.host}`;
  return isLoopbackOrigin(requested, request.socket.localPort) ? requested : env.APP_ORIGIN;
}

/** Whether a socket's remote address is this machine (127.0.0.0/8, ::1, or IPv4-mapped 127.x). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith("::ffff:") ? address.slice(7) : address;
  if (isIP(v4) === 4) return v4.startsWith("127.");
  return address === "::1" || address === "0:0:0:0:0:0:0:1";
}

/** Whether `origin` is http(s)://localhost, 127.0.0.1 or [::1] on `port`. */
export function isLoopbackOrigin(origin: string, port: number | undefined): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return false;
  const urlPort = url.port ? Number(url.port) : url.protocol === "http:" ? 80 : 443;
  return LOOPBACK_ORIGIN_HOSTS.has(url.hostname) && urlPort === port && origin === url.origin;
}

/** Cookies carry `Secure` except on plain http to this machine (local development). */
export function isSecureRequest(request: FastifyRequest): boolean {
  return !(request.protocol === "http" && LOCAL_HOSTS.has(request.hostname));
}
