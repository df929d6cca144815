import type { ProviderKeyVendorId } from "../../schemas/provider-keys.ts";
import type { ProviderDefinition } from "../provider.ts";
import { apolloDefaultBaseUrl } from "./apollo/apollo-http.ts";
import { checkApolloKey } from "./apollo/apollo-key-check.ts";
import { apolloProviders } from "./apollo/apollo-providers.ts";
import { hunterDefaultBaseUrl } from "./hunter/hunter-http.ts";
import { checkHunterKey } from "./hunter/hunter-key-check.ts";
import { hunterProviders } from "./hunter/hunter-providers.ts";
import { pdlDefaultBaseUrl } from "./pdl/pdl-http.ts";
import { checkPdlKey } from "./pdl/pdl-key-check.ts";
import { pdlProviders } from "./pdl/pdl-providers.ts";
import type { KeyCheck, KeyCheckContext } from "./shared/key-check.ts";

/** The vendors a workspace stores an API key for, and which providers each key serves. */
export interface KeyVendor {
  id: ProviderKeyVendorId;
  name: string;
  defaultBaseUrl: string;
  providers: readonly ProviderDefinition[];
  /** The vendor's cheapest documented call that proves the key works. */
  checkKey(ctx: KeyCheckContext): Promise<KeyCheck>;
}

export const keyVendors: Record<ProviderKeyVendorId, KeyVendor> = {
  hunter: {
    id: "hunter",
    name: "Hunter",
    defaultBaseUrl: hunterDefaultBaseUrl,
    providers: hunterProviders,
    checkKey: checkHunterKey,
  },
  apollo: {
    id: "apollo",
    name: "Apollo",
    defaultBaseUrl: apolloDefaultBaseUrl,
    providers: apolloProviders,
    checkKey: checkApolloKey,
  },
  pdl: {
    id: "pdl",
    name: "People Data Labs",
    defaultBaseUrl: pdlDefaultBaseUrl,
    providers: pdlProviders,
    checkKey: checkPdlKey,
  },
};

/** The vendor whose key a provider uses: accepts a vendor id ("hunter") or a provider id ("hunter-email-finder"). */
export function keyVendorOf(id: string): KeyVendor | null {
  for (const vendor of Object.values(keyVendors)) {
    if (vendor.id === id || vendor.providers.some((p) => p.id === id)) return vendor;
  }
  return null;
}
