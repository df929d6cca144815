import { workspaceProcedure } from "@quarry/trpc/procedures";
import { companyIdInput, companySchema } from "../schemas/companies.ts";
import { companyEntity } from "../schemas/entities.ts";
import { restoreRecord } from "../services/restore-record.ts";

export const restoreCompany = workspaceProcedure
  .meta({ action: "records.delete" })
  .input(companyIdInput)
  .output(companySchema)
  .mutation(({ ctx, input }) => restoreRecord(ctx.svc, companyEntity, input.id));
