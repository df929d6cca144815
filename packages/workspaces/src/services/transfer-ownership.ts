import { badInput, notFound } from "@quarry/core/app-error";
import { actingUserId } from "@quarry/core/service-context";
import type { ServiceCtx } from "@quarry/db/service-context";
import { withTx } from "@quarry/db/with-tx";
import { findRole, updateMemberRole } from "../queries/memberships.queries.ts";
import type { TransferOwnershipInput } from "../schemas/workspaces.ts";
import { lockForMembershipChange } from "./lock-workspace.ts";

/** Makes another member owner and the caller (an owner) admin, in one transaction. */
export async function transferOwnership(ctx: ServiceCtx, input: TransferOwnershipInput) {
  return withTx(ctx.db, async (trx) => {
    await lockForMembershipChange(trx, ctx, "ownership.transfer");
    if (input.userId === actingUserId(ctx.actor)) throw badInput("userId", "You already own this workspace.");
    const targetRole = await findRole(trx, ctx.workspaceId, input.userId);
    if (!targetRole) throw notFound("Member");
    await updateMemberRole(trx, ctx.workspaceId, input.userId, "owner");
    await updateMemberRole(trx, ctx.workspaceId, actingUserId(ctx.actor), "admin");
    ctx.log.info({ to: input.userId }, "ownership transferred");
    return { ok: true as const };
  });
}
