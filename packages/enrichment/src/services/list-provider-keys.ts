import type { ServiceCtx } from "@quarry/db/service-context";
import { keyVendors } from "../providers/api/api-key-vendors.ts";
import { listProviderKeyRows, type ProviderKeyRow } from "../queries/provider-keys.queries.ts";
import type { ProviderKey, ProviderKeyStatus } from "../schemas/provider-keys.ts";

/** Every vendor, with the workspace's key facts where one is set. Never the secret. */
export async function listProviderKeys(ctx: ServiceCtx): Promise<{ items: ProviderKey[] }> {
  const rows = new Map((await listProviderKeyRows(ctx.db, ctx.workspaceId)).map((r) => [r.provider_id, r]));
  return { items: Object.values(keyVendors).map((v) => toProviderKey(v.id, rows.get(v.id))) };
}

export function toProviderKey(
  providerId: keyof typeof keyVendors,
  row: ProviderKeyRow | undefined,
): ProviderKey {
  const vendor = keyVendors[providerId];
  return {
    providerId,
    name: vendor.name,
    configured: Boolean(row),
    last4: row?.last4 ?? null,
    baseUrl: row?.base_url ?? null,
    defaultBaseUrl: vendor.defaultBaseUrl,
    status: row ? (row.status as ProviderKeyStatus) : null,
    statusMessage: row?.status_message ?? null,
    checkedAt: row?.checked_at?.toISOString() ?? null,
    lastUsedAt: row?.last_used_at?.toISOString() ?? null,
    updatedAt: row?.updated_at.toISOString() ?? null,
  };
}
