import { companyDataInput, companySchema, listCompaniesOutput } from "@quarry/records/schemas/companies";
import { companyEntity, companyFields } from "@quarry/records/schemas/entities";
import { recordRoutes, requiredMatchField } from "./record-routes.ts";

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
  record: { name: "Company", schema: companySchema },
  list: { name: "CompanyList", schema: listCompaniesOutput },
  example: { domain: "acme.com", industry: "Software", name: "Acme", employee_count: 120 },
  patchExample: { employee_count: 150 },
});
