import { workspaceProcedure } from "@quarry/trpc/procedures";
import { actionMeta } from "../permissions.ts";
import { updateWorkspaceInput, workspaceSummary } from "../schemas/workspaces.ts";
import { updateWorkspace } from "../services/update-workspace.ts";

export const updateWorkspaceProcedure = workspaceProcedure
  .meta(actionMeta("workspace.update"))
  .input(updateWorkspaceInput)
  .output(workspaceSummary)
  .mutation(({ ctx, input }) => updateWorkspace(ctx.svc, input));
