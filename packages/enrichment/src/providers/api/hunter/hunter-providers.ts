import type { ProviderDefinition } from "../../provider.ts";
import { hunterDomainSearch } from "./hunter-domain-search.ts";
import { hunterEmailFinder } from "./hunter-email-finder.ts";
import { hunterEmailVerifier } from "./hunter-email-verifier.ts";

/** Every Hunter provider; they share the workspace's "hunter" key. */
export const hunterProviders: readonly ProviderDefinition[] = [
  hunterEmailFinder,
  hunterEmailVerifier,
  hunterDomainSearch,
];
