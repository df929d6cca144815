import { workspaceProcedure } from "@quarry/trpc/procedures";
import { listCustomFieldsInput, listCustomFieldsOutput } from "../schemas/custom-fields.ts";
import { listCustomFields as listCustomFieldsService } from "../services/list-custom-fields.ts";

export const listCustomFields = workspaceProcedure
  .meta({ action: "fields.read" })
  .input(listCustomFieldsInput)
  .output(listCustomFieldsOutput)
  .query(({ ctx, input }) => listCustomFieldsService(ctx.svc, input));
