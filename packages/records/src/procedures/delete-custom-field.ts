import { workspaceProcedure } from "@quarry/trpc/procedures";
import { customFieldIdInput } from "../schemas/custom-fields.ts";
import { okOutput } from "../schemas/record-schemas.ts";
import { deleteCustomField as deleteCustomFieldService } from "../services/delete-custom-field.ts";

export const deleteCustomField = workspaceProcedure
  .meta({ action: "fields.manage" })
  .input(customFieldIdInput)
  .output(okOutput)
  .mutation(({ ctx, input }) => deleteCustomFieldService(ctx.svc, input));
