import type { CookieJar, CookieOptions } from "@quarry/trpc/context";
import type { FastifyReply } from "fastify";

/** The value of one cookie from a Cookie header, or null. */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return null;
}

/** A Set-Cookie value: always HttpOnly, SameSite=Lax, Path=/; Secure unless told otherwise. */
export function serializeCookie(
  name: string,
  value: string,
  opts: CookieOptions & { secure: boolean },
): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, "HttpOnly", "SameSite=Lax", "Path=/"];
  if (opts.expires) parts.push(`Expires=${opts.expires.toUTCString()}`);
  if (opts.maxAge !== undefined) parts.push(`Max-Age=${Math.floor(opts.maxAge)}`);
  if (opts.secure) parts.push("Secure");
  return parts.join("; ");
}

/** The CookieJar procedures write to: each call adds a Set-Cookie header to the response. */
export function replyCookieJar(reply: FastifyReply, secure: boolean): CookieJar {
  return {
    set(name, value, opts) {
      reply.header("set-cookie", serializeCookie(name, value, { ...opts, secure }));
    },
    clear(name) {
      reply.header("set-cookie", serializeCookie(name, "", { expires: new Date(0), maxAge: 0, secure }));
    },
  };
}
