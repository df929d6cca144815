import { workspaceProcedure } from "@quarry/trpc/procedures";
import { actionMeta } from "../permissions.ts";
import { deleteInvitationInput } from "../schemas/invitations.ts";
import { okOutput } from "../schemas/workspaces.ts";
import { deleteInvitation } from "../services/delete-invitation.ts";

export const deleteInvitationProcedure = workspaceProcedure
  .meta(actionMeta("invitations.manage"))
  .input(deleteInvitationInput)
  .output(okOutput)
  .mutation(({ ctx, input }) => deleteInvitation(ctx.svc, input));
