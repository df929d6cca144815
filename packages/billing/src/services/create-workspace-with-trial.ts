import type { AccountCtx } from "@quarry/db/service-context";
import { withTx } from "@quarry/db/with-tx";
import type { CreateWorkspaceInput } from "@quarry/workspaces/schemas/workspaces";
import { createWorkspace } from "@quarry/workspaces/services/create-workspace";
import { startTrial } from "./start-trial.ts";

/**
 * Creates a workspace (owner: the caller) and starts its trial in the same transaction: a
 * workspace never exists without its trial credits. Billing wraps the workspaces service because
 * workspaces cannot depend on billing; `workspaces.create` (packages/api) and the admin CLI call this.
 */
export async function createWorkspaceWithTrial(ctx: AccountCtx, input: CreateWorkspaceInput) {
  return withTx(ctx.db, async (trx) => {
    const workspace = await createWorkspace({ ...ctx, db: trx }, input);
    await startTrial({ ...ctx, db: trx, workspaceId: workspace.id });
    return workspace;
  });
}
