import { AppError, notFound } from "@quarry/core/app-error";
import type { ServiceCtx } from "@quarry/db/service-context";
import { withTx } from "@quarry/db/with-tx";
import { findInvitation, revokeInvitation } from "../queries/invitations.queries.ts";
import type { DeleteInvitationInput } from "../schemas/invitations.ts";

/** Revokes an invitation so its link stops working. Revoking twice is fine; an accepted one cannot be. */
export async function deleteInvitation(ctx: ServiceCtx, input: DeleteInvitationInput) {
  return withTx(ctx.db, async (trx) => {
    const revoked = await revokeInvitation(trx, ctx.workspaceId, input.id, ctx.clock.now());
    if (revoked) return { ok: true as const };
    const invitation = await findInvitation(trx, ctx.workspaceId, input.id);
    if (!invitation) throw notFound("Invitation");
    if (invitation.accepted_at) {
      throw new AppError("CONFLICT", "This invitation was already accepted: remove the member instead.");
    }
    return { ok: true as const };
  });
}
