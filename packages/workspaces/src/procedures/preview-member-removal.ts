import { workspaceProcedure } from "@quarry/trpc/procedures";
import { actionMeta } from "../permissions.ts";
import { memberGrants, previewMemberRemovalInput } from "../schemas/members.ts";
import { previewMemberRemoval } from "../services/preview-member-removal.ts";

export const previewMemberRemovalProcedure = workspaceProcedure
  .meta(actionMeta("members.manage"))
  .input(previewMemberRemovalInput)
  .output(memberGrants)
  .query(({ ctx, input }) => previewMemberRemoval(ctx.svc, input));
