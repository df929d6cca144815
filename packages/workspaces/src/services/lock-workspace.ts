import { forbidden, notFound } from "@quarry/core/app-error";
import type { Database } from "@quarry/db/client";
import { can, parseRole, type Role, type WorkspaceAction } from "../permissions.ts";
import { findRole } from "../queries/memberships.queries.ts";
import { lockWorkspace } from "../queries/workspaces.queries.ts";
import type { WorkspaceCtx } from "./service-context.ts";

/**
 * Starts a membership change: locks the workspace (changes run one at a time) and reads the
 * caller's role again under the lock, so a role taken away a moment ago no longer counts.
 */
export async function lockForMembershipChange(
  trx: Database,
  ctx: WorkspaceCtx,
  action: WorkspaceAction,
): Promise<{ workspaceName: string; role: Role }> {
  const workspace = await lockWorkspace(trx, ctx.workspaceId);
  const role = await findRole(trx, ctx.workspaceId, ctx.user.id);
  if (!workspace || !role) throw notFound("Workspace");
  if (!can(role, action)) throw forbidden(`Your role (${role}) cannot do this (${action}).`);
  return { workspaceName: workspace.name, role: parseRole(role) };
}
