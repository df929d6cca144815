import { workspaceProcedure } from "@quarry/trpc/procedures";
import { contactSchema, updateContactInput } from "../schemas/contacts.ts";
import { contactEntity } from "../schemas/entities.ts";
import { updateRecord } from "../services/update-record.ts";

export const updateContact = workspaceProcedure
  .meta({ action: "records.write" })
  .input(updateContactInput)
  .output(contactSchema)
  .mutation(({ ctx, input }) => updateRecord(ctx.svc, contactEntity, input.id, input.data));
