import { workspaceProcedure } from "@quarry/trpc/procedures";
import { contactSchema, createContactInput } from "../schemas/contacts.ts";
import { contactEntity } from "../schemas/entities.ts";
import { createRecord } from "../services/create-record.ts";

export const createContact = workspaceProcedure
  .meta({ action: "records.write" })
  .input(createContactInput)
  .output(contactSchema)
  .mutation(({ ctx, input }) => createRecord(ctx.svc, contactEntity, input.data));
