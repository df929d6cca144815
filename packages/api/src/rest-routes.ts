import { enrichmentRunRoutes } from "@quarry/enrichment/rest/enrichment-runs-routes";
import { companyRoutes } from "@quarry/records/rest/companies-routes";
import { contactRoutes } from "@quarry/records/rest/contacts-routes";
import type { RestRoute } from "@quarry/rest/define-route";

/** Every endpoint of /api/v1 that needs a key, from the domains that own them. */
export const restRoutes: readonly RestRoute[] = [...contactRoutes, ...companyRoutes, ...enrichmentRunRoutes];
