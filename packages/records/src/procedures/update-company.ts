import { workspaceProcedure } from "@quarry/trpc/procedures";
import { companySchema, updateCompanyInput } from "../schemas/companies.ts";
import { companyEntity } from "../schemas/entities.ts";
import { updateRecord } from "../services/update-record.ts";

export const updateCompany = workspaceProcedure
  .meta({ action: "records.write" })
  .input(updateCompanyInput)
  .output(companySchema)
  .mutation(({ ctx, input }) => updateRecord(ctx.svc, companyEntity, input.id, input.data));
