import type { z } from "zod";
import { companyFields } from "./entities.ts";
import { recordSchemas } from "./record-schemas.ts";

const companies = recordSchemas(companyFields);

export const companySchema = companies.record;
export type Company = z.infer<typeof companySchema>;
export const companyDataInput = companies.data;
export const createCompanyInput = companies.createInput;
export const updateCompanyInput = companies.updateInput;
export const companyIdInput = companies.idInput;
export const listCompaniesInput = companies.listInput;
export const listCompaniesOutput = companies.listOutput;
export type CreateCompanyInput = z.infer<typeof createCompanyInput>;
export type UpdateCompanyInput = z.infer<typeof updateCompanyInput>;
