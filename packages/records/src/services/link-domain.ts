import freeEmailDomains from "free-email-domains";
import { parse } from "tldts";
import { normaliseDomain } from "../schemas/field-types.ts";

const freeMail = new Set<string>(freeEmailDomains);

/** A mailbox provider's domain (gmail.com, mail.yahoo.co.uk …): it says nothing about the employer. */
export function isFreeMailDomain(host: string): boolean {
  const registrable = parse(host).domain;
  return freeMail.has(host) || (registrable !== null && freeMail.has(registrable));
}

/** "Jane@Mail.Acme.co.uk" → "acme.co.uk"; null for free-mail addresses, IPs and unknown suffixes. */
export function emailCompanyDomain(email: string): string | null {
  const at = email.lastIndexOf("@");
  if (at < 0) return null;
  const host = normaliseDomain(email.slice(at + 1));
  const parsed = parse(host);
  if (parsed.isIp || !parsed.isIcann || !parsed.domain) return null;
  return isFreeMailDomain(host) ? null : parsed.domain;
}

/**
 * The domain a contact belongs to a company by: its `company_domain`, else its email's domain
 * (the registrable part: jane@eu.acme.com → acme.com) unless it is a free-mail address.
 */
export function linkDomainOf(contact: Readonly<Record<string, unknown>>): string | null {
  if (typeof contact.company_domain === "string" && contact.company_domain.trim() !== "") {
    return normaliseDomain(contact.company_domain) || null;
  }
  return typeof contact.email === "string" ? emailCompanyDomain(contact.email) : null;
}
