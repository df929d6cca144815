import { workspaceProcedure } from "@quarry/trpc/procedures";
import { actionMeta } from "@quarry/workspaces/permissions";
import { listRunsInput, listRunsOutput } from "../schemas/runs.ts";
import { listRuns } from "../services/list-runs.ts";

export const listRunsProcedure = workspaceProcedure
  .meta(actionMeta("enrichment.read"))
  .input(listRunsInput)
  .output(listRunsOutput)
  .query(({ ctx, input }) => listRuns(ctx.svc, input));
