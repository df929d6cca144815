import { authedProcedure } from "@quarry/trpc/procedures";
import { actionMeta } from "../permissions.ts";
import { workspaceListOutput } from "../schemas/workspaces.ts";
import { listWorkspaces } from "../services/list-workspaces.ts";

export const listWorkspacesProcedure = authedProcedure
  .meta(actionMeta("account"))
  .output(workspaceListOutput)
  .query(({ ctx }) => listWorkspaces(ctx.svc));
