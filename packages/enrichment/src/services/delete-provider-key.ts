import type { ServiceCtx } from "@quarry/db/service-context";
import { deleteProviderKeyRow } from "../queries/provider-keys.queries.ts";
import type { ProviderKeyIdInput } from "../schemas/provider-keys.ts";

/** Removes the workspace's key for a vendor; removing a key that is not there is a no-op. */
export async function deleteProviderKey(
  ctx: ServiceCtx,
  input: ProviderKeyIdInput,
): Promise<{ deleted: boolean }> {
  const deleted = await deleteProviderKeyRow(ctx.db, ctx.workspaceId, input.providerId);
  if (deleted) ctx.log.info({ providerId: input.providerId }, "provider key deleted");
  return { deleted };
}
