import { AppError } from "@quarry/core/app-error";
import { DAY } from "@quarry/core/clock";
import { checkPlanLimit } from "@quarry/core/plan-limits";
import { actingUserId } from "@quarry/core/service-context";
import type { ServiceCtx } from "@quarry/db/service-context";
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

export const INVITATION_TTL_MS = 7 * DAY;

/**
 * Invites an address with a role whose permissions the caller holds too. An open invitation to the same
 * address is revoked (its link stops working); the mail with the new link commits with the row.
 * Members plus open invitations are the plan's seats: refused (FORBIDDEN) when they are all taken.
 */
/** `inviterName` signs the mail; `appOrigin` starts its link. */
export async function createInvitation(
  ctx: ServiceCtx,
  input: CreateInvitationInput & { inviterName: string; appOrigin: string },
) {
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
    // After the revoke: re-inviting an address replaces its seat rather than taking another.
    await checkPlanLimit({ ...ctx, db: trx }, "seats", 1);
    const token = generateInvitationToken();
    const invitation = await insertInvitation(trx, ctx.workspaceId, {
      email: input.email,
      role: input.role,
      tokenHash: hashInvitationToken(token),
      invitedBy: actingUserId(ctx.actor),
      expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
    });
    await sendMail(
      trx,
      invitationMail({
        to: input.email,
        workspaceName,
        inviterName: input.inviterName,
        role: input.role,
        link: `${input.appOrigin}/invite/${token}`,
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
