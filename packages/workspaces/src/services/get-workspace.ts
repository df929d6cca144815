import { notFound } from "@quarry/core/app-error";
import { parseRole, permissionsFor } from "../permissions.ts";
import { findWorkspace } from "../queries/workspaces.queries.ts";
import type { WorkspaceDetail } from "../schemas/workspaces.ts";
import type { WorkspaceCtx } from "./service-context.ts";

/** The workspace with the caller's role and every action that role allows. */
export async function getWorkspace(ctx: WorkspaceCtx): Promise<WorkspaceDetail> {
  const workspace = await findWorkspace(ctx.db, ctx.workspaceId);
  if (!workspace) throw notFound("Workspace");
  return {
    id: workspace.id,
    name: workspace.name,
    role: parseRole(ctx.role),
    permissions: permissionsFor(ctx.role),
  };
}
