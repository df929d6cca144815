import { actingUserId } from "@quarry/core/service-context";
import type { ServiceCtx } from "@quarry/db/service-context";
import { withTx } from "@quarry/db/with-tx";
import { deleteMembership } from "../queries/memberships.queries.ts";
import { lockForMembershipChange } from "./lock-workspace.ts";
import { assertNotLastOwner } from "./owner-guard.ts";
import { revokeMemberGrants } from "./revoke-member-grants.ts";

/** The caller leaves the workspace, unless they are its last owner; their API keys and open invitations go too. */
export async function leaveWorkspace(ctx: ServiceCtx) {
  return withTx(ctx.db, async (trx) => {
    const { role } = await lockForMembershipChange(trx, ctx, "workspace.leave");
    await assertNotLastOwner(
      trx,
      ctx.workspaceId,
      role,
      "You are the last owner of this workspace: transfer ownership first.",
    );
    const revoked = await revokeMemberGrants(trx, ctx.workspaceId, actingUserId(ctx.actor), ctx.clock.now());
    await deleteMembership(trx, ctx.workspaceId, actingUserId(ctx.actor));
    return { ok: true as const, revoked };
  });
}
