import { workspaceProcedure } from "@quarry/trpc/procedures";
import { companyIdInput, companySchema } from "../schemas/companies.ts";
import { companyEntity } from "../schemas/entities.ts";
import { getRecord } from "../services/get-record.ts";

export const getCompany = workspaceProcedure
  .meta({ action: "records.read" })
  .input(companyIdInput)
  .output(companySchema)
  .query(({ ctx, input }) => getRecord(ctx.svc, companyEntity, input.id));
