import { expect, it } from "vitest";
import { domainSchema, normaliseDomain } from "./field-types.ts";

it("normalises domains written as URLs, with www, paths, ports and case", () => {
  expect(normaliseDomain(" HTTPS://www.Example.COM/about?x=1#top ")).toBe("example.com");
  expect(normaliseDomain("http://user@shop.example.co.uk:8080/")).toBe("shop.example.co.uk");
  expect(normaliseDomain("example.com.")).toBe("example.com");
  expect(domainSchema.safeParse("not a domain").success).toBe(false);
  expect(domainSchema.safeParse("localhost").success).toBe(false);
  expect(domainSchema.parse("www.xn--bcher-kva.example")).toBe("xn--bcher-kva.example");
});
