import { authedProcedure } from "@quarry/trpc/procedures";
import { actionMeta } from "../permissions.ts";
import { createWorkspaceInput, workspaceWithRole } from "../schemas/workspaces.ts";
import { createWorkspace } from "../services/create-workspace.ts";

export const createWorkspaceProcedure = authedProcedure
  .meta(actionMeta("account"))
  .input(createWorkspaceInput)
  .output(workspaceWithRole)
  .mutation(({ ctx, input }) => createWorkspace(ctx.svc, input));
