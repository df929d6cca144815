import { workspaceProcedure } from "@quarry/trpc/procedures";
import { customFieldSchema, updateCustomFieldInput } from "../schemas/custom-fields.ts";
import { updateCustomField as updateCustomFieldService } from "../services/update-custom-field.ts";

export const updateCustomField = workspaceProcedure
  .meta({ action: "fields.manage" })
  .input(updateCustomFieldInput)
  .output(customFieldSchema)
  .mutation(({ ctx, input }) => updateCustomFieldService(ctx.svc, input));
