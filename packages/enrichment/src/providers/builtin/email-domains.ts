import { normaliseDomain } from "@quarry/records/schemas/field-types";
import { isDisposableEmailDomain } from "disposable-email-domains-js";
import freeEmailDomains from "free-email-domains";
import { parse } from "tldts";

/** Domain facts from maintained lists: free-mail (free-email-domains), disposable (disposable-email-domains-js), public suffixes (tldts). */

const freeMail = new Set<string>(freeEmailDomains);

/** "HTTPS://www.Acme.co.uk/about", "jane@mail.acme.co.uk" → the host, lowercased ("acme.co.uk", "mail.acme.co.uk"). */
export function hostOf(raw: string): string {
  return normaliseDomain(raw);
}

/** "us.ibm.com" → "ibm.com", "mail.acme.co.uk" → "acme.co.uk"; null for IPs, "localhost" and unknown TLDs. */
export function registrableDomain(host: string): string | null {
  const parsed = parse(host);
  if (parsed.isIp || !parsed.isIcann || !parsed.domain) return null;
  return parsed.domain;
}

export function isFreeMailDomain(host: string): boolean {
  const registrable = registrableDomain(host);
  return freeMail.has(host) || (registrable !== null && freeMail.has(registrable));
}

export function isDisposableDomain(host: string): boolean {
  const registrable = registrableDomain(host);
  return isDisposableEmailDomain(host) || (registrable !== null && isDisposableEmailDomain(registrable));
}

/** The most used mailbox providers: a domain one typo away from one of them is likely a mistake. */
const popularMail = ["gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "icloud.com", "aol.com"];

/** "gmial.com" → "gmail.com": the popular mail domain this one is a single edit or swap away from. */
export function likelyTypoOf(host: string): string | null {
  // The free-mail list also holds disposable domains (typo squatters among them): only a genuine provider is no typo.
  if (freeMail.has(host) && !isDisposableEmailDomain(host)) return null;
  return popularMail.find((known) => editDistanceAtMostOne(host, known)) ?? null;
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    const swapped = a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
    return swapped || a.slice(i + 1) === b.slice(i + 1);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
