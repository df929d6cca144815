import { emailSchema } from "@quarry/core/schemas";
import type { EnrichedValue } from "../provider.ts";
import { defineBuiltin, textOf } from "./define-builtin.ts";
import { isDisposableDomain, isFreeMailDomain, likelyTypoOf, registrableDomain } from "./email-domains.ts";

/** Mailboxes that belong to a function, not a person. */
const roleAccounts = new Set([
  "admin",
  "billing",
  "careers",
  "contact",
  "enquiries",
  "hello",
  "help",
  "hr",
  "info",
  "jobs",
  "marketing",
  "office",
  "press",
  "sales",
  "support",
  "team",
]);
const noReply = /^(no-?reply|do-?not-?reply)$/;

/**
 * Checks an email offline: syntax (the same rule the records accept), a real public domain, and
 * the maintained free-mail and disposable lists. "valid" means well-formed on a real domain, not
 * that the mailbox exists, hence the modest confidence; findings go in `flags`.
 */
export function checkEmail(raw: string): EnrichedValue {
  const email = raw.trim().toLowerCase();
  const parsed = emailSchema.safeParse(email);
  if (!parsed.success)
    return { field: "email", value: email, confidence: 99, verification: "invalid", flags: ["syntax"] };
  const [local = "", domain = ""] = splitAddress(parsed.data);
  if (registrableDomain(domain) === null) {
    return {
      field: "email",
      value: parsed.data,
      confidence: 95,
      verification: "invalid",
      flags: ["unknown_domain"],
    };
  }
  // A typo of a big provider first: typo domains are often also listed as disposable, and the fix is the news.
  const typo = likelyTypoOf(domain);
  if (typo) {
    return {
      field: "email",
      value: parsed.data,
      confidence: 70,
      verification: "risky",
      flags: [`possible_typo:${typo}`],
    };
  }
  if (isDisposableDomain(domain)) {
    return {
      field: "email",
      value: parsed.data,
      confidence: 90,
      verification: "risky",
      flags: ["disposable"],
    };
  }
  const base = local.replace(/\+.*$/, "");
  if (noReply.test(base)) {
    return { field: "email", value: parsed.data, confidence: 80, verification: "risky", flags: ["no_reply"] };
  }
  const flags = [
    ...(isFreeMailDomain(domain) ? ["free_mail"] : []),
    ...(roleAccounts.has(base) ? ["role_account"] : []),
  ];
  return { field: "email", value: parsed.data, confidence: 60, verification: "valid", flags };
}

function splitAddress(email: string): [string, string] {
  const at = email.lastIndexOf("@");
  return [email.slice(0, at), email.slice(at + 1)];
}

export const emailCheck = defineBuiltin({
  id: "email-check",
  name: "Email check",
  fields: { contact: ["email"], company: [] },
  requires: { contact: [["email"]] },
  derive: (input) => {
    const email = textOf(input.values, "email");
    return email === null ? [] : [checkEmail(email)];
  },
});
