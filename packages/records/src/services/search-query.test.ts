import { expect, it } from "vitest";
import { toPrefixQuery } from "./search-query.ts";

it("turns words into prefix terms joined with AND", () => {
  expect(toPrefixQuery("Ada  Lov")).toBe("'ada':* & 'lov':*");
  expect(toPrefixQuery("ada@example.com")).toBe("'ada@example.com':*");
});

it("drops tsquery syntax so input can never break or widen the query", () => {
  expect(toPrefixQuery("a' | b:* & !(c)")).toBe("'a':* & 'b':* & 'c':*");
  expect(toPrefixQuery("'&|!:*()")).toBeNull();
  expect(toPrefixQuery("   ")).toBeNull();
});
