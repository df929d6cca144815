import type { ServiceCtx } from "@quarry/db/service-context";
import { parseRole } from "../permissions.ts";
import { listMembers as listMemberRows } from "../queries/memberships.queries.ts";
import type { Member } from "../schemas/members.ts";

export async function listMembers(ctx: ServiceCtx): Promise<{ items: Member[] }> {
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
