import { notFound } from "@quarry/core/app-error";
import type { ServiceCtx } from "@quarry/db/service-context";
import { parseRole, permissionsFor } from "../permissions.ts";
import { findWorkspace } from "../queries/workspaces.queries.ts";
import type { WorkspaceDetail } from "../schemas/workspaces.ts";

/** The workspace with the caller's role and every action that role allows. */
/** The workspace as its member sees it: `role` is theirs, as the procedure builder found it. */
export async function getWorkspace(ctx: ServiceCtx, input: { role: string }): Promise<WorkspaceDetail> {
  const workspace = await findWorkspace(ctx.db, ctx.workspaceId);
  if (!workspace) throw notFound("Workspace");
  return {
    id: workspace.id,
    name: workspace.name,
    role: parseRole(input.role),
    permissions: permissionsFor(input.role),
  };
}
