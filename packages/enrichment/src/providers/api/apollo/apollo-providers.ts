import type { ProviderDefinition } from "../../provider.ts";
import { apolloOrganizationEnrich } from "./apollo-organization-enrich.ts";
import { apolloPeopleBulkMatch, apolloPeopleMatch } from "./apollo-people-match.ts";

/** Every Apollo provider; they share the workspace's "apollo" key. */
export const apolloProviders: readonly ProviderDefinition[] = [
  apolloPeopleMatch,
  apolloPeopleBulkMatch,
  apolloOrganizationEnrich,
];
