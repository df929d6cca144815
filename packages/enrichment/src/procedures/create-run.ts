import { workspaceProcedure } from "@quarry/trpc/procedures";
import { actionMeta } from "@quarry/workspaces/permissions";
import { createRunInput, runSchema } from "../schemas/runs.ts";
import { createRun } from "../services/create-run.ts";
import { defaultDeps } from "../services/default-deps.ts";

export const createRunProcedure = workspaceProcedure
  .meta(actionMeta("enrichment.run"))
  .input(createRunInput)
  .output(runSchema)
  .mutation(({ ctx, input }) => createRun(ctx.svc, defaultDeps(ctx.outbound), input));
