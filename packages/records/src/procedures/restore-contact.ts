import { workspaceProcedure } from "@quarry/trpc/procedures";
import { contactIdInput, contactSchema } from "../schemas/contacts.ts";
import { contactEntity } from "../schemas/entities.ts";
import { restoreRecord } from "../services/restore-record.ts";

export const restoreContact = workspaceProcedure
  .meta({ action: "records.delete" })
  .input(contactIdInput)
  .output(contactSchema)
  .mutation(({ ctx, input }) => restoreRecord(ctx.svc, contactEntity, input.id));
