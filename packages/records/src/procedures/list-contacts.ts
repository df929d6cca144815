import { workspaceProcedure } from "@quarry/trpc/procedures";
import { listContactsInput, listContactsOutput } from "../schemas/contacts.ts";
import { contactEntity } from "../schemas/entities.ts";
import { listRecords } from "../services/list-records.ts";
import { syncParser } from "./sync-parser.ts";

export const listContacts = workspaceProcedure
  .meta({ action: "records.read" })
  .input(syncParser(listContactsInput))
  .output(syncParser(listContactsOutput))
  .query(({ ctx, input }) => listRecords(ctx.svc, contactEntity, input));
