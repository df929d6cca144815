import { workspaceProcedure } from "@quarry/trpc/procedures";
import { actionMeta } from "../permissions.ts";
import { memberListOutput } from "../schemas/members.ts";
import { listMembers } from "../services/list-members.ts";

export const listMembersProcedure = workspaceProcedure
  .meta(actionMeta("members.read"))
  .output(memberListOutput)
  .query(({ ctx }) => listMembers(ctx.svc));
