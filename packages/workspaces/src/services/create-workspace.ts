import { actingUserId } from "@quarry/core/service-context";
import type { AccountCtx } from "@quarry/db/service-context";
import { withTx } from "@quarry/db/with-tx";
import { insertMembership } from "../queries/memberships.queries.ts";
import { insertWorkspace } from "../queries/workspaces.queries.ts";
import type { CreateWorkspaceInput } from "../schemas/workspaces.ts";

/** Creates a workspace with the caller as its owner, in one transaction. */
export async function createWorkspace(ctx: AccountCtx, input: CreateWorkspaceInput) {
  return withTx(ctx.db, async (trx) => {
    const workspace = await insertWorkspace(trx, { name: input.name, createdBy: actingUserId(ctx.actor) });
    await insertMembership(trx, workspace.id, actingUserId(ctx.actor), "owner");
    ctx.log.info({ workspaceId: workspace.id }, "workspace created");
    return { id: workspace.id, name: workspace.name, role: "owner" as const };
  });
}
