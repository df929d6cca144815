import type { SecretBox } from "@quarry/core/secret-box";
import type { Database } from "@quarry/db/client";
import { keyVendorOf } from "../providers/api/api-key-vendors.ts";
import { findProviderKeyRow } from "../queries/provider-keys.queries.ts";
import { openProviderKey } from "./provider-key-secret.ts";

export interface ProviderCredentials {
  apiKey: string;
  /** The workspace's base URL override, or the vendor's default. */
  baseUrl: string;
}

/**
 * The decrypted key and base URL for a provider, for building its ProviderCallContext. Takes a
 * provider id ("hunter-email-finder") or a vendor id ("hunter"). Null when the workspace has no key
 * for that vendor, or the provider is not an API provider. Throws AppError CONFLICT when the stored
 * key cannot be decrypted (its encryption key is no longer configured). Only reads: listing
 * providers and previewing a run load credentials too, so a call that really sends the key to the
 * vendor records that with markProviderKeyUsed.
 */
export async function loadProviderCredentials(
  db: Database,
  box: SecretBox,
  workspaceId: string,
  providerId: string,
): Promise<ProviderCredentials | null> {
  const vendor = keyVendorOf(providerId);
  if (!vendor) return null;
  const row = await findProviderKeyRow(db, workspaceId, vendor.id);
  if (!row) return null;
  const apiKey = openProviderKey(box, workspaceId, vendor.id, row.ciphertext);
  return { apiKey, baseUrl: row.base_url ?? vendor.defaultBaseUrl };
}
