import { notFound } from "@quarry/core/app-error";
import type { ServiceCtx } from "@quarry/db/service-context";
import { updateWorkspaceName } from "../queries/workspaces.queries.ts";
import type { UpdateWorkspaceInput } from "../schemas/workspaces.ts";

export async function updateWorkspace(ctx: ServiceCtx, input: UpdateWorkspaceInput) {
  const workspace = await updateWorkspaceName(ctx.db, ctx.workspaceId, input.data.name);
  if (!workspace) throw notFound("Workspace");
  return workspace;
}
