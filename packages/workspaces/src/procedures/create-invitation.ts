import { workspaceProcedure } from "@quarry/trpc/procedures";
import { actionMeta } from "../permissions.ts";
import { createdInvitation, createInvitationInput } from "../schemas/invitations.ts";
import { createInvitation } from "../services/create-invitation.ts";

export const createInvitationProcedure = workspaceProcedure
  .meta(actionMeta("invitations.manage"))
  .input(createInvitationInput)
  .output(createdInvitation)
  .mutation(({ ctx, input }) =>
    createInvitation(ctx.svc, { ...input, inviterName: ctx.user.name, appOrigin: ctx.req.appOrigin }),
  );
