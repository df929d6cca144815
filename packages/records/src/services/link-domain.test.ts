import { expect, it } from "vitest";
import { emailCompanyDomain, isFreeMailDomain, linkDomainOf } from "./link-domain.ts";

it("links by company_domain first, normalised", () => {
  expect(linkDomainOf({ company_domain: "HTTPS://www.Acme.com/about", email: "ada@other.io" })).toBe(
    "acme.com",
  );
  expect(linkDomainOf({ company_domain: "us.ibm.com" })).toBe("us.ibm.com");
});

it("falls back to the email's registrable domain, never a free-mail one", () => {
  expect(linkDomainOf({ email: "ada@acme.com" })).toBe("acme.com");
  expect(linkDomainOf({ company_domain: null, email: "Jane@Mail.Acme.co.uk" })).toBe("acme.co.uk");
  expect(linkDomainOf({ company_domain: "", email: "ada@gmail.com" })).toBeNull();
  expect(linkDomainOf({ email: "someone@yahoo.co.uk" })).toBeNull();
  expect(linkDomainOf({ email: "root@10.0.0.1" })).toBeNull();
  expect(linkDomainOf({ email: "ada@localhost" })).toBeNull();
  expect(linkDomainOf({})).toBeNull();
});

it("knows free-mail domains and their subdomains", () => {
  expect(isFreeMailDomain("gmail.com")).toBe(true);
  expect(isFreeMailDomain("outlook.com")).toBe(true);
  expect(isFreeMailDomain("acme.com")).toBe(false);
  expect(emailCompanyDomain("not-an-email")).toBeNull();
});
