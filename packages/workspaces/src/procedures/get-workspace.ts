import { workspaceProcedure } from "@quarry/trpc/procedures";
import { actionMeta } from "../permissions.ts";
import { workspaceDetail } from "../schemas/workspaces.ts";
import { getWorkspace } from "../services/get-workspace.ts";

export const getWorkspaceProcedure = workspaceProcedure
  .meta(actionMeta("workspace.read"))
  .output(workspaceDetail)
  .query(({ ctx }) => getWorkspace(ctx.svc, { role: ctx.role }));
