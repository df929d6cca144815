import { workspaceProcedure } from "@quarry/trpc/procedures";
import { actionMeta } from "../permissions.ts";
import { deleteMemberInput } from "../schemas/members.ts";
import { okOutput } from "../schemas/workspaces.ts";
import { deleteMember } from "../services/delete-member.ts";

export const deleteMemberProcedure = workspaceProcedure
  .meta(actionMeta("members.manage"))
  .input(deleteMemberInput)
  .output(okOutput)
  .mutation(({ ctx, input }) => deleteMember(ctx, input));
