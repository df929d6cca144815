import type { ProviderDefinition } from "../../provider.ts";
import { pdlCompanyEnrich } from "./pdl-company-enrich.ts";
import { pdlPersonEnrich } from "./pdl-person-enrich.ts";

/** Every People Data Labs provider; they share the workspace's "pdl" key. */
export const pdlProviders: readonly ProviderDefinition[] = [pdlPersonEnrich, pdlCompanyEnrich];
