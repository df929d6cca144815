import { expect, it } from "vitest";
import { serializeSessionCookie } from "./session-cookie.ts";

const expires = new Date("2026-02-14T12:00:00Z");

it("sets an HttpOnly, SameSite=Lax, site-wide cookie with its expiry, Secure when asked", () => {
  expect(serializeSessionCookie("abc.def", { expires, secure: true })).toBe(
    "quarry_session=abc.def; HttpOnly; SameSite=Lax; Path=/; Expires=Sat, 14 Feb 2026 12:00:00 GMT; Secure",
  );
});

it("leaves out Secure on plain-http localhost", () => {
  const header = serializeSessionCookie("abc.def", { expires, secure: false });
  expect(header).not.toContain("Secure");
  expect(header).toContain("HttpOnly");
});

it("clears the cookie with an empty value expiring in the past", () => {
  expect(serializeSessionCookie("", { expires: new Date(0), secure: true })).toBe(
    "quarry_session=; HttpOnly; SameSite=Lax; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Secure",
  );
});

it("cannot be made to inject attributes through the value", () => {
  const header = serializeSessionCookie("x; Domain=evil.example", { expires, secure: true });
  expect(header).not.toContain("; Domain=");
});
