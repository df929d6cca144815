import type { EnrichedValue, ProviderInput } from "../provider.ts";
import { defineBuiltin, textOf } from "./define-builtin.ts";
import { hostOf, isDisposableDomain, isFreeMailDomain, registrableDomain } from "./email-domains.ts";

/** Sites whose URL names a profile page, not the company's own domain. */
const profileSites = new Set([
  "linkedin.com",
  "facebook.com",
  "twitter.com",
  "x.com",
  "instagram.com",
  "crunchbase.com",
  "github.com",
  "medium.com",
  "linktr.ee",
  "wellfound.com",
  "angel.co",
  "youtube.com",
  "google.com",
]);

/**
 * A company's domain from an email address or a website URL: "Jane@Mail.Acme.co.uk" and
 * "https://www.acme.co.uk/about" both give "acme.co.uk". Null for free-mail and disposable
 * addresses (they say nothing about the employer), profile sites and anything without a real
 * public suffix.
 */
export function companyDomainFrom(raw: string): string | null {
  const host = hostOf(raw);
  const domain = registrableDomain(host);
  if (domain === null || profileSites.has(domain)) return null;
  if (isFreeMailDomain(host) || isDisposableDomain(host)) return null;
  return domain;
}

/** A company name typed as a domain ("acme.io", "Stripe.com"), never a name with spaces. */
function domainLikeName(name: string): string | null {
  return /^[^\s@]+\.[a-z]{2,}$/i.test(name) ? companyDomainFrom(name) : null;
}

function derive(input: ProviderInput): EnrichedValue[] {
  if (input.entity === "contact") {
    const email = textOf(input.values, "email");
    const domain = email?.includes("@") ? companyDomainFrom(email) : null;
    return domain ? [{ field: "company_domain", value: domain, confidence: 90 }] : [];
  }
  // `website` and `email` are not standard company fields, but imports and custom fields carry them.
  const website = textOf(input.values, "website");
  const fromWebsite = website ? companyDomainFrom(website) : null;
  if (fromWebsite) return [{ field: "domain", value: fromWebsite, confidence: 95 }];
  const email = textOf(input.values, "email");
  const fromEmail = email?.includes("@") ? companyDomainFrom(email) : null;
  if (fromEmail) return [{ field: "domain", value: fromEmail, confidence: 90 }];
  const name = textOf(input.values, "name");
  const fromName = name ? domainLikeName(name) : null;
  return fromName ? [{ field: "domain", value: fromName, confidence: 80 }] : [];
}

export const domainFromEmail = defineBuiltin({
  id: "domain-from-email",
  name: "Domain from email or website",
  fields: { contact: ["company_domain"], company: ["domain"] },
  requires: { contact: [["email"]], company: [["website"], ["email"], ["name"]] },
  derive,
});
