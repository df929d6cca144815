import { type Clock, MINUTE } from "@quarry/core/clock";
import type { Database } from "@quarry/db/client";
import { findApiKeyByPrefix, touchApiKey } from "../queries/api-keys.queries.ts";
import { type ApiKeyScope, apiKeyScopeSchema } from "../schemas/api-keys.ts";
import { apiKeyMatches, apiKeyPrefix } from "./api-key-token.ts";

/** last_used_at is written at most this often, so not every request writes. */
export const LAST_USED_RESOLUTION_MS = MINUTE;

export interface ApiKeyAuth {
  workspaceId: string;
  keyId: string;
  scope: ApiKeyScope;
  /** The member who created the key: API writes are attributed to them. Null for CLI-made keys. */
  createdBy: string | null;
}

/**
 * The workspace and scope a bearer key grants, or null when it is malformed, unknown, wrong or
 * revoked. The secret is compared in constant time against the stored SHA-256.
 */
export async function authenticateApiKey(
  db: Database,
  clock: Clock,
  bearer: string,
): Promise<ApiKeyAuth | null> {
  const prefix = apiKeyPrefix(bearer);
  if (!prefix) return null;
  const row = await findApiKeyByPrefix(db, prefix);
  if (!row || !apiKeyMatches(bearer, row.secret_hash) || row.revoked_at) return null;
  const now = clock.now();
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() >= LAST_USED_RESOLUTION_MS) {
    await touchApiKey(db, row.workspace_id, row.id, now, LAST_USED_RESOLUTION_MS);
  }
  return {
    workspaceId: row.workspace_id,
    keyId: row.id,
    scope: apiKeyScopeSchema.parse(row.scope),
    createdBy: row.created_by,
  };
}
