import { apolloProviders } from "./api/apollo/apollo-providers.ts";
import { hunterProviders } from "./api/hunter/hunter-providers.ts";
import { pdlProviders } from "./api/pdl/pdl-providers.ts";
import { companyNameCleanup } from "./builtin/company-name-cleanup.ts";
import { domainFromEmail } from "./builtin/domain-from-email.ts";
import { emailCheck } from "./builtin/email-check.ts";
import { nameParts } from "./builtin/name-parts.ts";
import { phoneNormalise } from "./builtin/phone-normalise.ts";
import { titleClassifier } from "./builtin/title-classifier.ts";
import type { EnrichEntity, EnrichField, ProviderDefinition } from "./provider.ts";
import { sandbox } from "./sandbox/sandbox.ts";

/**
 * Every provider, one line each. Adding a provider is one file plus one line here; the order of
 * the built-ins is their order in default waterfalls.
 */
export const providers: readonly ProviderDefinition[] = [
  // Built-ins: offline, free.
  emailCheck,
  domainFromEmail,
  nameParts,
  phoneNormalise,
  titleClassifier,
  companyNameCleanup,
  // Vendor APIs (providers/api/<vendor>/): hunter, apollo, pdl.
  ...hunterProviders,
  ...apolloProviders,
  ...pdlProviders,

  // Made-up test data: only used where a workspace adds it.
  sandbox,
];

const byId = new Map(providers.map((provider) => [provider.id, provider]));

export function getProvider(id: string): ProviderDefinition | undefined {
  return byId.get(id);
}

function fills(provider: ProviderDefinition, entity: EnrichEntity, field: EnrichField): boolean {
  const fields: readonly string[] = provider.fields[entity];
  return fields.includes(field);
}

/** Every registered provider that can fill this field, the sandbox included. */
export function providersFor(entity: EnrichEntity, field: EnrichField): ProviderDefinition[] {
  return providers.filter((provider) => fills(provider, entity, field));
}

/** Which vendor to ask first, by what each is best at; the rest follow in the general order. */
const vendorOrder: Partial<Record<EnrichField, readonly string[]>> = {
  email: ["hunter", "apollo", "pdl"],
  phone: ["apollo", "pdl"],
  mobile_phone: ["pdl", "apollo"],
};
const companyVendorOrder: readonly string[] = ["pdl", "apollo", "hunter"];
const contactVendorOrder: readonly string[] = ["apollo", "pdl", "hunter"];

/**
 * The provider ids a new waterfall for this field starts with: the built-ins that can compute it
 * (free, so first), then the vendor APIs that are registered and fill it. The sandbox is never in
 * a default: made-up values must not mix silently with real ones, so a workspace adds it to a
 * waterfall on purpose (and its values are flagged "sandbox" wherever they show).
 */
export function defaultWaterfall(entity: EnrichEntity, field: EnrichField): string[] {
  const builtins = providers.filter((p) => p.kind === "builtin" && fills(p, entity, field)).map((p) => p.id);
  const general = entity === "company" ? companyVendorOrder : contactVendorOrder;
  const preferred = (entity === "contact" ? vendorOrder[field] : undefined) ?? general;
  const order = [...new Set([...preferred, ...general])];
  const rank = (vendor: string) => (order.includes(vendor) ? order.indexOf(vendor) : order.length);
  // One adapter per vendor and field: asking the same vendor twice for one value costs a call and
  // finds nothing new. Where a vendor has a bulk endpoint for the same fields, it is preferred.
  const byVendor = new Map<string, ProviderDefinition>();
  for (const p of providers) {
    if (p.kind !== "api" || !fills(p, entity, field)) continue;
    const current = byVendor.get(vendorOf(p));
    if (!current || p.batchSize > current.batchSize) byVendor.set(vendorOf(p), p);
  }
  const vendors = [...byVendor.entries()].sort(([a], [b]) => rank(a) - rank(b)).map(([, p]) => p.id);
  return [...builtins, ...vendors];
}

/** The vendor an API adapter belongs to: the first part of its id ("apollo-people-match" → "apollo"). */
export function vendorOf(provider: ProviderDefinition): string {
  return provider.id.split("-")[0] ?? provider.id;
}
