import { workspaceProcedure } from "@quarry/trpc/procedures";
import { contactIdInput } from "../schemas/contacts.ts";
import { contactEntity } from "../schemas/entities.ts";
import { okOutput } from "../schemas/record-schemas.ts";
import { deleteRecord } from "../services/delete-record.ts";

export const deleteContact = workspaceProcedure
  .meta({ action: "records.delete" })
  .input(contactIdInput)
  .output(okOutput)
  .mutation(({ ctx, input }) => deleteRecord(ctx.svc, contactEntity, input.id));
