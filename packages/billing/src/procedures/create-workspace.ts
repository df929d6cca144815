import { authedProcedure } from "@quarry/trpc/procedures";
import { actionMeta } from "@quarry/workspaces/permissions";
import { createWorkspaceInput, workspaceWithRole } from "@quarry/workspaces/schemas/workspaces";
import { createWorkspaceWithTrial } from "../services/create-workspace-with-trial.ts";

/** `workspaces.create` as the app mounts it (packages/api): the new workspace starts its trial. */
export const createWorkspaceWithTrialProcedure = authedProcedure
  .meta(actionMeta("account"))
  .input(createWorkspaceInput)
  .output(workspaceWithRole)
  .mutation(({ ctx, input }) => createWorkspaceWithTrial(ctx.svc, input));
