import { textOf } from "../builtin/define-builtin.ts";
import { splitFullName } from "../builtin/person-name.ts";
import { classifyTitle } from "../builtin/title-classifier.ts";
import type { ContactField, ProviderInput } from "../provider.ts";
import { places, titles } from "./sandbox-data.ts";
import { type SandboxRandom, slug } from "./sandbox-random.ts";

/** The text a contact's made-up data is derived from: who they are, not where they are stored. */
export function contactSeed(values: ProviderInput["values"]): string | null {
  const email = textOf(values, "email");
  if (email) return `contact:email:${email.toLowerCase()}`;
  const linkedin = textOf(values, "linkedin_url");
  if (linkedin) return `contact:linkedin:${linkedin.toLowerCase()}`;
  const name = personName(values);
  if (!name) return null;
  const company = textOf(values, "company_domain") ?? textOf(values, "company_name") ?? "";
  return `contact:name:${name.first} ${name.last ?? ""}@${company}`.toLowerCase();
}

function personName(values: ProviderInput["values"]): { first: string; last: string | null } | null {
  const first = textOf(values, "first_name");
  const last = textOf(values, "last_name");
  if (first) return { first, last };
  const full = textOf(values, "full_name");
  return full ? splitFullName(full) : null;
}

/** An ".example" domain (reserved, never anyone's) for the contact's company. */
function companyDomain(values: ProviderInput["values"]): string {
  const known = textOf(values, "company_domain")?.replace(/\.[^.]+$/, "") ?? textOf(values, "company_name");
  return `${slug(known ?? "example-company") || "example-company"}.example`;
}

export function makeContact(
  values: ProviderInput["values"],
  random: SandboxRandom,
): Map<ContactField, unknown> {
  const out = new Map<ContactField, unknown>();
  const place = random.pick(places);
  const title = textOf(values, "title") ?? random.pick(titles);
  const { seniority, department } = classifyTitle(title);
  const name = personName(values);
  const handle = name ? slug(`${name.first} ${name.last ?? ""}`) : "";
  const knownDomain = textOf(values, "company_domain");
  const domain = knownDomain?.endsWith(".example") ? knownDomain : companyDomain(values);
  if (name && handle) out.set("email", `${slug(`${name.first} ${name.last ?? ""}`, ".")}@${domain}`);
  out.set("phone", place.phone(random.int(0, 99)));
  out.set("mobile_phone", place.mobile(random.int(0, 99)));
  out.set("title", title);
  if (seniority) out.set("seniority", seniority.value);
  if (department) out.set("department", department.value);
  if (handle) out.set("linkedin_url", `https://linkedin.example/in/${handle}-${random.tag}`);
  if (handle) out.set("twitter_url", `https://x.example/${handle.replace(/-/g, "_")}`);
  out.set("city", place.city);
  out.set("state", place.state);
  out.set("country", place.country);
  out.set("company_domain", domain);
  return out;
}
