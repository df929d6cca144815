import { AppError, forbidden, notFound } from "@quarry/core/app-error";
import type { ServiceCtx } from "@quarry/db/service-context";
import { withTx } from "@quarry/db/with-tx";
import { canGrant, canManageMember, parseRole } from "../permissions.ts";
import { findRole, updateMemberRole } from "../queries/memberships.queries.ts";
import type { UpdateMemberInput } from "../schemas/members.ts";
import { lockForMembershipChange } from "./lock-workspace.ts";
import { assertNotLastOwner } from "./owner-guard.ts";
import { refusedGrant } from "./refused-grant.ts";

/** Changes a member's role: only to one within the caller's own permissions, never an owner's unless the caller owns. */
export async function updateMember(ctx: ServiceCtx, input: UpdateMemberInput) {
  const newRole = input.data.role;
  return withTx(ctx.db, async (trx) => {
    const { role } = await lockForMembershipChange(trx, ctx, "members.manage");
    const current = await findRole(trx, ctx.workspaceId, input.id);
    if (!current) throw notFound("Member");
    const currentRole = parseRole(current);
    if (!canManageMember(role, currentRole)) throw forbidden("Only an owner can change an owner's role.");
    if (!canGrant(role, newRole)) {
      throw new AppError("FORBIDDEN", refusedGrant(`grant the ${newRole} role`, role, newRole), {
        field: "role",
      });
    }
    if (newRole !== "owner") {
      await assertNotLastOwner(
        trx,
        ctx.workspaceId,
        currentRole,
        "The last owner cannot be demoted: transfer ownership first.",
      );
    }
    await updateMemberRole(trx, ctx.workspaceId, input.id, newRole);
    return { userId: input.id, role: newRole };
  });
}
