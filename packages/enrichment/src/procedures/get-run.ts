import { workspaceProcedure } from "@quarry/trpc/procedures";
import { actionMeta, can } from "@quarry/workspaces/permissions";
import { runIdInput, runSchema } from "../schemas/runs.ts";
import { getRun } from "../services/get-run.ts";

export const getRunProcedure = workspaceProcedure
  .meta(actionMeta("enrichment.read"))
  .input(runIdInput)
  .output(runSchema)
  .query(({ ctx, input }) => getRun(ctx.svc, input.id, { canReadBalance: can(ctx.role, "credits.read") }));
