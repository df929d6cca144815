import type { ServiceCtx } from "@quarry/db/service-context";
import { listApiKeys as listApiKeyRows } from "../queries/api-keys.queries.ts";
import { type ApiKeyListItem, apiKeyScopeSchema } from "../schemas/api-keys.ts";

/** The workspace's keys, newest first, revoked ones included. Never the key itself. */
export async function listApiKeys(ctx: ServiceCtx): Promise<{ items: ApiKeyListItem[] }> {
  const rows = await listApiKeyRows(ctx.db, ctx.workspaceId);
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      prefix: r.prefix,
      scope: apiKeyScopeSchema.parse(r.scope),
      createdBy: r.creator_name,
      createdAt: r.created_at.toISOString(),
      lastUsedAt: r.last_used_at?.toISOString() ?? null,
      revokedAt: r.revoked_at?.toISOString() ?? null,
    })),
  };
}
