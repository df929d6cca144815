import type { Database } from "@quarry/db/client";
import { keyVendorOf } from "../providers/api/api-key-vendors.ts";
import { touchProviderKeyUsed } from "../queries/provider-keys.queries.ts";

/**
 * Records that the workspace's vendor key was sent to the vendor: after a run's provider call and
 * after a key test, never when credentials are only read. Takes a provider id
 * ("hunter-email-finder") or a vendor id ("hunter"); a provider without a vendor key (built-ins,
 * sandbox) is a no-op. `last_used_at` moves at most once a minute, so a busy run barely writes.
 */
export async function markProviderKeyUsed(
  db: Database,
  workspaceId: string,
  providerId: string,
): Promise<void> {
  const vendor = keyVendorOf(providerId);
  if (!vendor) return;
  await touchProviderKeyUsed(db, workspaceId, vendor.id);
}
