import { workspaceProcedure } from "@quarry/trpc/procedures";
import { actionMeta } from "../permissions.ts";
import { okOutput } from "../schemas/workspaces.ts";
import { leaveWorkspace } from "../services/leave-workspace.ts";

export const leaveWorkspaceProcedure = workspaceProcedure
  .meta(actionMeta("workspace.leave"))
  .output(okOutput)
  .mutation(({ ctx }) => leaveWorkspace(ctx));
