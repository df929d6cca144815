import { workspaceProcedure } from "@quarry/trpc/procedures";
import { actionMeta } from "../permissions.ts";
import { updateMemberInput, updateMemberOutput } from "../schemas/members.ts";
import { updateMember } from "../services/update-member.ts";

export const updateMemberProcedure = workspaceProcedure
  .meta(actionMeta("members.manage"))
  .input(updateMemberInput)
  .output(updateMemberOutput)
  .mutation(({ ctx, input }) => updateMember(ctx.svc, input));
