import { actingUserId } from "@quarry/core/service-context";
import type { AccountCtx } from "@quarry/db/service-context";
import { parseRole } from "../permissions.ts";
import { listWorkspacesOfUser } from "../queries/workspaces.queries.ts";

/** The caller's workspaces, by name, with their role in each. */
export async function listWorkspaces(ctx: AccountCtx) {
  const rows = await listWorkspacesOfUser(ctx.db, actingUserId(ctx.actor));
  return { items: rows.map((r) => ({ id: r.id, name: r.name, role: parseRole(r.role) })) };
}
