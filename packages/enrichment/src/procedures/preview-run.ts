import { workspaceProcedure } from "@quarry/trpc/procedures";
import { actionMeta, can } from "@quarry/workspaces/permissions";
import { previewRunInput, runEstimateSchema } from "../schemas/runs.ts";
import { defaultDeps } from "../services/default-deps.ts";
import { previewRun } from "../services/preview-run.ts";

export const previewRunProcedure = workspaceProcedure
  .meta(actionMeta("enrichment.read"))
  .input(previewRunInput)
  .output(runEstimateSchema)
  .query(({ ctx, input }) =>
    previewRun(ctx.svc, defaultDeps(ctx.outbound), input, { canReadBalance: can(ctx.role, "credits.read") }),
  );
