import { forbidden, notFound } from "@quarry/core/app-error";
import { actingUserId } from "@quarry/core/service-context";
import type { Database } from "@quarry/db/client";
import type { ServiceCtx } from "@quarry/db/service-context";
import { can, parseRole, type Role, type WorkspaceAction } from "../permissions.ts";
import { findRole } from "../queries/memberships.queries.ts";
import { lockWorkspace } from "../queries/workspaces.queries.ts";

/**
 * Starts a membership change: locks the workspace (changes run one at a time) and reads the
 * caller's role again under the lock, so a role taken away a moment ago no longer counts.
 */
export async function lockForMembershipChange(
  trx: Database,
  ctx: ServiceCtx,
  action: WorkspaceAction,
): Promise<{ workspaceName: string; role: Role }> {
  const workspace = await lockWorkspace(trx, ctx.workspaceId);
  const role = await findRole(trx, ctx.workspaceId, actingUserId(ctx.actor));
  if (!workspace || !role) throw notFound("Workspace");
  if (!can(role, action)) throw forbidden(`Your role (${role}) cannot do this (${action}).`);
  return { workspaceName: workspace.name, role: parseRole(role) };
}
