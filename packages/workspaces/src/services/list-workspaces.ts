import { parseRole } from "../permissions.ts";
import { listWorkspacesOfUser } from "../queries/workspaces.queries.ts";
import type { AccountCtx } from "./service-context.ts";

/** The caller's workspaces, by name, with their role in each. */
export async function listWorkspaces(ctx: AccountCtx) {
  const rows = await listWorkspacesOfUser(ctx.db, ctx.user.id);
  return { items: rows.map((r) => ({ id: r.id, name: r.name, role: parseRole(r.role) })) };
}
