import { publicProcedure } from "@quarry/trpc/procedures";
import { actionMeta } from "../permissions.ts";
import { invitationPreview, invitationTokenInput } from "../schemas/invitations.ts";
import { previewInvitation } from "../services/preview-invitation.ts";

export const previewInvitationProcedure = publicProcedure
  .meta(actionMeta("public"))
  .input(invitationTokenInput)
  .output(invitationPreview)
  .query(({ ctx, input }) => previewInvitation(ctx, input));
