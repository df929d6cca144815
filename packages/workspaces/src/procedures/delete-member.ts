import { workspaceProcedure } from "@quarry/trpc/procedures";
import { actionMeta } from "../permissions.ts";
import { deleteMemberInput, memberRemovedOutput } from "../schemas/members.ts";
import { deleteMember } from "../services/delete-member.ts";

export const deleteMemberProcedure = workspaceProcedure
  .meta(actionMeta("members.manage"))
  .input(deleteMemberInput)
  .output(memberRemovedOutput)
  .mutation(({ ctx, input }) => deleteMember(ctx.svc, input));
