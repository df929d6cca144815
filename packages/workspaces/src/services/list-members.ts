import { parseRole } from "../permissions.ts";
import { listMembers as listMemberRows } from "../queries/memberships.queries.ts";
import type { Member } from "../schemas/members.ts";
import type { WorkspaceCtx } from "./service-context.ts";

export async function listMembers(ctx: WorkspaceCtx): Promise<{ items: Member[] }> {
  const rows = await listMemberRows(ctx.db, ctx.workspaceId);
  return {
    items: rows.map((r) => ({
      userId: r.user_id,
      email: r.email,
      name: r.name,
      role: parseRole(r.role),
      joinedAt: r.created_at.toISOString(),
    })),
  };
}
