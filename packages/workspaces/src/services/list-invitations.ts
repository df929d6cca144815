import { parseRole } from "../permissions.ts";
import { listInvitations as listInvitationRows } from "../queries/invitations.queries.ts";
import { invitationStatus } from "./invitation-status.ts";
import type { WorkspaceCtx } from "./service-context.ts";

/** Every invitation of the workspace, newest first, with where each one stands now. */
export async function listInvitations(ctx: WorkspaceCtx) {
  const now = ctx.clock.now();
  const rows = await listInvitationRows(ctx.db, ctx.workspaceId);
  return {
    items: rows.map((r) => ({
      id: r.id,
      email: r.email,
      role: parseRole(r.role),
      invitedBy: r.inviter_name,
      expiresAt: r.expires_at.toISOString(),
      createdAt: r.created_at.toISOString(),
      status: invitationStatus(r, now),
    })),
  };
}
