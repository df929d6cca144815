import { forbidden, notFound } from "@quarry/core/app-error";
import type { ServiceCtx } from "@quarry/db/service-context";
import { withTx } from "@quarry/db/with-tx";
import { canManageMember, parseRole } from "../permissions.ts";
import { deleteMembership, findRole } from "../queries/memberships.queries.ts";
import type { DeleteMemberInput } from "../schemas/members.ts";
import { lockForMembershipChange } from "./lock-workspace.ts";
import { assertNotLastOwner } from "./owner-guard.ts";
import { revokeMemberGrants } from "./revoke-member-grants.ts";

/**
 * Removes a member: only owners remove owners, and never the last one. Their API keys are
 * revoked and their open invitations cancelled with it (see revokeMemberGrants).
 */
export async function deleteMember(ctx: ServiceCtx, input: DeleteMemberInput) {
  return withTx(ctx.db, async (trx) => {
    const { role } = await lockForMembershipChange(trx, ctx, "members.manage");
    const current = await findRole(trx, ctx.workspaceId, input.id);
    if (!current) throw notFound("Member");
    const currentRole = parseRole(current);
    if (!canManageMember(role, currentRole)) throw forbidden("Only an owner can remove an owner.");
    await assertNotLastOwner(
      trx,
      ctx.workspaceId,
      currentRole,
      "The last owner cannot be removed: transfer ownership first.",
    );
    const revoked = await revokeMemberGrants(trx, ctx.workspaceId, input.id, ctx.clock.now());
    await deleteMembership(trx, ctx.workspaceId, input.id);
    ctx.log.info({ memberId: input.id, revoked }, "member removed");
    return { ok: true as const, revoked };
  });
}
