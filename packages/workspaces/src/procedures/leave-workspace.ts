import { workspaceProcedure } from "@quarry/trpc/procedures";
import { actionMeta } from "../permissions.ts";
import { memberRemovedOutput } from "../schemas/members.ts";
import { leaveWorkspace } from "../services/leave-workspace.ts";

export const leaveWorkspaceProcedure = workspaceProcedure
  .meta(actionMeta("workspace.leave"))
  .output(memberRemovedOutput)
  .mutation(({ ctx }) => leaveWorkspace(ctx.svc));
