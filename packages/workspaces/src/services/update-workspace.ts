import { notFound } from "@quarry/core/app-error";
import { updateWorkspaceName } from "../queries/workspaces.queries.ts";
import type { UpdateWorkspaceInput } from "../schemas/workspaces.ts";
import type { WorkspaceCtx } from "./service-context.ts";

export async function updateWorkspace(ctx: WorkspaceCtx, input: UpdateWorkspaceInput) {
  const workspace = await updateWorkspaceName(ctx.db, ctx.workspaceId, input.data.name);
  if (!workspace) throw notFound("Workspace");
  return workspace;
}
