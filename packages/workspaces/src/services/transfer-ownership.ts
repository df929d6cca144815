import { badInput, notFound } from "@quarry/core/app-error";
import { withTx } from "@quarry/db/with-tx";
import { findRole, updateMemberRole } from "../queries/memberships.queries.ts";
import type { TransferOwnershipInput } from "../schemas/workspaces.ts";
import { lockForMembershipChange } from "./lock-workspace.ts";
import type { WorkspaceCtx } from "./service-context.ts";

/** Makes another member owner and the caller (an owner) admin, in one transaction. */
export async function transferOwnership(ctx: WorkspaceCtx, input: TransferOwnershipInput) {
  return withTx(ctx.db, async (trx) => {
    await lockForMembershipChange(trx, ctx, "ownership.transfer");
    if (input.userId === ctx.user.id) throw badInput("userId", "You already own this workspace.");
    const targetRole = await findRole(trx, ctx.workspaceId, input.userId);
    if (!targetRole) throw notFound("Member");
    await updateMemberRole(trx, ctx.workspaceId, input.userId, "owner");
    await updateMemberRole(trx, ctx.workspaceId, ctx.user.id, "admin");
    ctx.log.info({ to: input.userId }, "ownership transferred");
    return { ok: true as const };
  });
}
