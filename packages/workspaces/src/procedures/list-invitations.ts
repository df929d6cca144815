import { workspaceProcedure } from "@quarry/trpc/procedures";
import { actionMeta } from "../permissions.ts";
import { invitationListOutput } from "../schemas/invitations.ts";
import { listInvitations } from "../services/list-invitations.ts";

export const listInvitationsProcedure = workspaceProcedure
  .meta(actionMeta("invitations.read"))
  .output(invitationListOutput)
  .query(({ ctx }) => listInvitations(ctx.svc));
