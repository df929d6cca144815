import { expect, it } from "vitest";
import { generateSessionToken, parseSessionToken } from "./session-token.ts";

it("makes `<id>.<secret>` tokens with a secret of at least 160 bits, different every time", () => {
  const a = generateSessionToken();
  const b = generateSessionToken();
  expect(a.token).toBe(`${a.id}.${a.secret}`);
  // base32: 5 bits per character
  expect(a.secret.length * 5).toBeGreaterThanOrEqual(160);
  expect(a.id).not.toBe(b.id);
  expect(a.secret).not.toBe(b.secret);
  expect(parseSessionToken(a.token)).toEqual({ id: a.id, secret: a.secret });
});

it("rejects anything not shaped like a token", () => {
  for (const bad of ["", "abc", "abc.", ".abc", "a.b.c", "ABC.def", "abc.de f", `a.${"b".repeat(300)}`]) {
    expect(parseSessionToken(bad)).toBeNull();
  }
});
