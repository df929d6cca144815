import { AppError } from "@quarry/core/app-error";
import { DAY } from "@quarry/core/clock";
import { withTx } from "@quarry/db/with-tx";
import { sendMail } from "@quarry/mail/services/send-mail";
import { canGrant } from "../permissions.ts";
import { insertInvitation, revokeOpenInvitationsTo } from "../queries/invitations.queries.ts";
import { isMemberByEmail } from "../queries/memberships.queries.ts";
import type { CreateInvitationInput } from "../schemas/invitations.ts";
import { invitationMail } from "./invitation-mail.ts";
import { generateInvitationToken, hashInvitationToken } from "./invitation-token.ts";
import { lockForMembershipChange } from "./lock-workspace.ts";
import { refusedGrant } from "./refused-grant.ts";
import type { MailingCtx, WorkspaceCtx } from "./service-context.ts";

export const INVITATION_TTL_MS = 7 * DAY;

/**
 * Invites an address with a role whose permissions the caller holds too. An open invitation to the same
 * address is revoked (its link stops working); the mail with the new link commits with the row.
 */
export async function createInvitation(ctx: WorkspaceCtx & MailingCtx, input: CreateInvitationInput) {
  const now = ctx.clock.now();
  return withTx(ctx.db, async (trx) => {
    const { role, workspaceName } = await lockForMembershipChange(trx, ctx, "invitations.manage");
    if (!canGrant(role, input.role)) {
      throw new AppError("FORBIDDEN", refusedGrant(`invite someone as ${input.role}`, role, input.role), {
        field: "role",
      });
    }
    if (await isMemberByEmail(trx, ctx.workspaceId, input.email)) {
      throw new AppError("CONFLICT", `${input.email} is already a member of this workspace.`, {
        field: "email",
      });
    }
    await revokeOpenInvitationsTo(trx, ctx.workspaceId, input.email, now);
    const token = generateInvitationToken();
    const invitation = await insertInvitation(trx, ctx.workspaceId, {
      email: input.email,
      role: input.role,
      tokenHash: hashInvitationToken(token),
      invitedBy: ctx.user.id,
      expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
    });
    await sendMail(
      trx,
      invitationMail({
        to: input.email,
        workspaceName,
        inviterName: ctx.user.name,
        role: input.role,
        link: `${ctx.req.appOrigin}/invite/${token}`,
        expiresAt: invitation.expires_at,
      }),
    );
    ctx.log.info({ invitationId: invitation.id }, "invitation created");
    return {
      id: invitation.id,
      email: invitation.email,
      role: input.role,
      expiresAt: invitation.expires_at.toISOString(),
    };
  });
}
