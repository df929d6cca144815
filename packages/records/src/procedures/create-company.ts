import { workspaceProcedure } from "@quarry/trpc/procedures";
import { companySchema, createCompanyInput } from "../schemas/companies.ts";
import { companyEntity } from "../schemas/entities.ts";
import { createRecord } from "../services/create-record.ts";

export const createCompany = workspaceProcedure
  .meta({ action: "records.write" })
  .input(createCompanyInput)
  .output(companySchema)
  .mutation(({ ctx, input }) => createRecord(ctx.svc, companyEntity, input.data));
