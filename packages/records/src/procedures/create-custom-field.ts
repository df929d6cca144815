import { workspaceProcedure } from "@quarry/trpc/procedures";
import { createCustomFieldInput, customFieldSchema } from "../schemas/custom-fields.ts";
import { createCustomField as createCustomFieldService } from "../services/create-custom-field.ts";

export const createCustomField = workspaceProcedure
  .meta({ action: "fields.manage" })
  .input(createCustomFieldInput)
  .output(customFieldSchema)
  .mutation(({ ctx, input }) => createCustomFieldService(ctx.svc, input));
