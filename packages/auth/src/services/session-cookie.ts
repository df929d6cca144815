import { SESSION_COOKIE } from "./validate-session.ts";

/**
 * The Set-Cookie header for the session cookie: HttpOnly, SameSite=Lax, Path=/, and Secure
 * except on plain-http localhost. Clear it with an empty value and `expires: new Date(0)`.
 */
export function serializeSessionCookie(value: string, opts: { expires: Date; secure: boolean }): string {
  const parts = [
    `${SESSION_COOKIE}=${encodeURIComponent(value)}`,
    "HttpOnly",
    "SameSite=Lax",
    "Path=/",
    `Expires=${opts.expires.toUTCString()}`,
  ];
  if (opts.secure) parts.push("Secure");
  return parts.join("; ");
}
