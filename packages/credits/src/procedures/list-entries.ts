import { workspaceProcedure } from "@quarry/trpc/procedures";
import { actionMeta } from "@quarry/workspaces/permissions";
import { listEntriesInput, listEntriesOutput } from "../schemas/entries.ts";
import { listEntries } from "../services/list-entries.ts";

export const listEntriesProcedure = workspaceProcedure
  .meta(actionMeta("credits.read"))
  .input(listEntriesInput)
  .output(listEntriesOutput)
  .query(({ ctx, input }) => listEntries(ctx.svc, input));
