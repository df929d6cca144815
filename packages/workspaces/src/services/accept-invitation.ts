import { AppError, notFound } from "@quarry/core/app-error";
import { actingUserId } from "@quarry/core/service-context";
import type { AccountCtx } from "@quarry/db/service-context";
import { withTx } from "@quarry/db/with-tx";
import { parseRole } from "../permissions.ts";
import { findInvitationByTokenHash, markInvitationAccepted } from "../queries/invitations.queries.ts";
import { findRole, insertMembership } from "../queries/memberships.queries.ts";
import type { InvitationStatus, InvitationTokenInput } from "../schemas/invitations.ts";
import { invitationStatus } from "./invitation-status.ts";
import { hashInvitationToken } from "./invitation-token.ts";

function refusal(status: Exclude<InvitationStatus, "pending">): AppError {
  if (status === "used") return new AppError("CONFLICT", "This invitation has already been used.");
  if (status === "revoked")
    return new AppError("FORBIDDEN", "This invitation was revoked. Ask for a new one.");
  return new AppError("FORBIDDEN", "This invitation has expired. Ask for a new one.");
}

/**
 * Joins the workspace with the invited role. Only the invited address may accept, once, while the
 * invitation is pending; an existing member is refused (and keeps their role).
 */
/** `email` is the signed-in user's address: the invitation must be addressed to it. */
export async function acceptInvitation(ctx: AccountCtx, input: InvitationTokenInput & { email: string }) {
  const now = ctx.clock.now();
  return withTx(ctx.db, async (trx) => {
    const invitation = await findInvitationByTokenHash(trx, hashInvitationToken(input.token));
    if (!invitation) throw notFound("Invitation");
    const status = invitationStatus(invitation, now);
    if (status !== "pending") throw refusal(status);
    if (invitation.email !== input.email.toLowerCase()) {
      throw new AppError(
        "FORBIDDEN",
        `This invitation is for ${invitation.email}. Sign in with that address to accept it.`,
      );
    }
    const workspaceId = invitation.workspace_id;
    if (await findRole(trx, workspaceId, actingUserId(ctx.actor))) {
      throw new AppError("CONFLICT", "You are already a member of this workspace.");
    }
    const accepted = await markInvitationAccepted(
      trx,
      workspaceId,
      invitation.id,
      actingUserId(ctx.actor),
      now,
    );
    if (!accepted) {
      // Another request got there first (accepted or revoked it): say which.
      const latestRow = await findInvitationByTokenHash(trx, hashInvitationToken(input.token));
      const latest = latestRow ? invitationStatus(latestRow, now) : "revoked";
      throw refusal(latest === "pending" ? "used" : latest);
    }
    const membership = await insertMembership(trx, workspaceId, actingUserId(ctx.actor), accepted.role);
    if (!membership) throw new AppError("CONFLICT", "You are already a member of this workspace.");
    ctx.log.info({ workspaceId, invitationId: invitation.id }, "invitation accepted");
    return { workspaceId, role: parseRole(membership.role) };
  });
}
