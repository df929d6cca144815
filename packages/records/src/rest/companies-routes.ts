import { restShape } from "@quarry/rest/snake-case";
import { companyDataInput, companySchema, listCompaniesOutput } from "../schemas/companies.ts";
import { companyEntity, companyFields } from "../schemas/entities.ts";
import { requiredMatchField } from "./list-query.ts";
import { recordRoutes } from "./record-routes.ts";

/** /api/v1/companies: the same schemas and services as records.companies.* in the app. */
export const companyRoutes = recordRoutes({
  entity: companyEntity,
  path: "/companies",
  tag: "Companies",
  noun: "company",
  data: { name: "CompanyInput", schema: companyDataInput },
  upsert: {
    name: "CompanyUpsert",
    schema: companyDataInput.extend({
      domain: requiredMatchField(companyFields.domain.input, "companies are matched on it"),
    }),
  },
  record: restShape("Company", companySchema),
  list: restShape("CompanyList", listCompaniesOutput),
  example: { domain: "acme.com", industry: "Software", name: "Acme", employee_count: 120 },
  patchExample: { employee_count: 150 },
});
