import { workspaceProcedure } from "@quarry/trpc/procedures";
import { actionMeta } from "@quarry/workspaces/permissions";
import { runIdInput, runSchema } from "../schemas/runs.ts";
import { cancelRun } from "../services/cancel-run.ts";

export const cancelRunProcedure = workspaceProcedure
  .meta(actionMeta("enrichment.run"))
  .input(runIdInput)
  .output(runSchema)
  .mutation(({ ctx, input }) => cancelRun(ctx.svc, input.id));
