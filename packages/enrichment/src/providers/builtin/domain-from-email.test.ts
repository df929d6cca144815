import { describe, expect, it } from "vitest";
import { companyDomainFrom, domainFromEmail } from "./domain-from-email.ts";
import { enrichOne, valuesOf } from "./enrich-one.testing.ts";

describe("companyDomainFrom", () => {
  it.each([
    ["jane@acme.com", "acme.com"],
    ["Jane.Doe@ACME.COM", "acme.com"],
    ["jane@us.ibm.com", "ibm.com"],
    ["bob@mail.acme.co.uk", "acme.co.uk"],
    ["student@cs.stanford.edu", "stanford.edu"],
    ["https://www.Acme.io/about?ref=x", "acme.io"],
    ["http://acme.io:8080/", "acme.io"],
    ["www.acme.com.au", "acme.com.au"],
    ["acme.de", "acme.de"],
    ["jane@gmail.com", null],
    ["jane@googlemail.com", null],
    ["jane@outlook.de", null],
    ["x@mailinator.com", null],
    ["https://www.linkedin.com/company/acme", null],
    ["jane@localhost", null],
    ["jane@192.168.1.10", null],
    ["not a domain", null],
  ])("%s → %s", (raw, expected) => {
    expect(companyDomainFrom(raw)).toBe(expected);
  });
});

describe("domain-from-email provider", () => {
  it("fills a contact's company domain from a work email", async () => {
    const outcome = await enrichOne(domainFromEmail, "contact", { email: "ada@eu.analytical-engines.co.uk" });
    expect(valuesOf(outcome)).toEqual({ company_domain: "analytical-engines.co.uk" });
  });

  it("says nothing about the employer of a free-mail address", async () => {
    expect(await enrichOne(domainFromEmail, "contact", { email: "ada@hotmail.co.uk" })).toEqual({
      status: "not_found",
    });
  });

  it.each([
    [{ website: "https://www.stripe.com/en-gb", name: "Stripe" }, "stripe.com"],
    [{ email: "billing@globex.com", name: "Globex" }, "globex.com"],
    [{ name: "Acme.io" }, "acme.io"],
    [{ name: "Acme Inc." }, null],
    [{ name: "gmail.com" }, null],
  ])("fills a company's domain from %j", async (values, expected) => {
    const outcome = await enrichOne(domainFromEmail, "company", values);
    expect(valuesOf(outcome)?.domain ?? null).toBe(expected);
  });
});
