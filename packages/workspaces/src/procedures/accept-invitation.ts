import { authedProcedure } from "@quarry/trpc/procedures";
import { actionMeta } from "../permissions.ts";
import { acceptedInvitation, invitationTokenInput } from "../schemas/invitations.ts";
import { acceptInvitation } from "../services/accept-invitation.ts";

export const acceptInvitationProcedure = authedProcedure
  .meta(actionMeta("account"))
  .input(invitationTokenInput)
  .output(acceptedInvitation)
  .mutation(({ ctx, input }) => acceptInvitation(ctx.svc, { ...input, email: ctx.user.email }));
