import type { ServiceCtx } from "@quarry/db/service-context";
import { parseRole } from "../permissions.ts";
import { listInvitations as listInvitationRows } from "../queries/invitations.queries.ts";
import { invitationStatus } from "./invitation-status.ts";

/** Every invitation of the workspace, newest first, with where each one stands now. */
export async function listInvitations(ctx: ServiceCtx) {
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
