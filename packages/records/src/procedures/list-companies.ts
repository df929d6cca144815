import { workspaceProcedure } from "@quarry/trpc/procedures";
import { listCompaniesInput, listCompaniesOutput } from "../schemas/companies.ts";
import { companyEntity } from "../schemas/entities.ts";
import { listRecords } from "../services/list-records.ts";
import { syncParser } from "./sync-parser.ts";

export const listCompanies = workspaceProcedure
  .meta({ action: "records.read" })
  .input(syncParser(listCompaniesInput))
  .output(syncParser(listCompaniesOutput))
  .query(({ ctx, input }) => listRecords(ctx.svc, companyEntity, input));
