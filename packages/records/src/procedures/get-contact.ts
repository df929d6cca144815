import { workspaceProcedure } from "@quarry/trpc/procedures";
import { contactIdInput, contactSchema } from "../schemas/contacts.ts";
import { contactEntity } from "../schemas/entities.ts";
import { getRecord } from "../services/get-record.ts";

export const getContact = workspaceProcedure
  .meta({ action: "records.read" })
  .input(contactIdInput)
  .output(contactSchema)
  .query(({ ctx, input }) => getRecord(ctx.svc, contactEntity, input.id));
