import { notFound } from "@quarry/core/app-error";
import type { PublicCtx } from "@quarry/db/service-context";
import { parseRole } from "../permissions.ts";
import { findInvitationByTokenHash } from "../queries/invitations.queries.ts";
import type { InvitationTokenInput } from "../schemas/invitations.ts";
import { invitationStatus } from "./invitation-status.ts";
import { hashInvitationToken } from "./invitation-token.ts";

/** What the invite page shows before sign-in: nothing beyond workspace, address, role, inviter, status. */
export async function previewInvitation(ctx: PublicCtx, input: InvitationTokenInput) {
  const invitation = await findInvitationByTokenHash(ctx.db, hashInvitationToken(input.token));
  if (!invitation) throw notFound("Invitation");
  return {
    workspaceName: invitation.workspace_name,
    email: invitation.email,
    role: parseRole(invitation.role),
    invitedBy: invitation.inviter_name,
    status: invitationStatus(invitation, ctx.clock.now()),
  };
}
