import { workspaceProcedure } from "@quarry/trpc/procedures";
import { companyIdInput } from "../schemas/companies.ts";
import { companyEntity } from "../schemas/entities.ts";
import { okOutput } from "../schemas/record-schemas.ts";
import { deleteRecord } from "../services/delete-record.ts";

export const deleteCompany = workspaceProcedure
  .meta({ action: "records.delete" })
  .input(companyIdInput)
  .output(okOutput)
  .mutation(({ ctx, input }) => deleteRecord(ctx.svc, companyEntity, input.id));
