import type { Outbound } from "@quarry/core/outbound";
import type { ServiceCtx } from "@quarry/db/service-context";
import { keyVendors } from "../providers/api/api-key-vendors.ts";
import { findProviderKeyRow, setProviderKeyStatus } from "../queries/provider-keys.queries.ts";
import type { ProviderKeyIdInput, TestProviderKeyOutput } from "../schemas/provider-keys.ts";
import { markProviderKeyUsed } from "./mark-provider-key-used.ts";
import { openProviderKey } from "./provider-key-secret.ts";

const CHECK_TIMEOUT_MS = 10_000;

/**
 * Calls the vendor's cheapest documented endpoint with the stored key (Hunter GET /v2/account,
 * Apollo GET /api/v1/auth/health, PDL GET /v5/autocomplete) and records what it said.
 */
export async function testProviderKey(
  ctx: ServiceCtx,
  outbound: Outbound,
  input: ProviderKeyIdInput,
): Promise<TestProviderKeyOutput> {
  const vendor = keyVendors[input.providerId];
  const row = await findProviderKeyRow(ctx.db, ctx.workspaceId, input.providerId);
  if (!row) {
    return {
      providerId: input.providerId,
      status: "not_configured",
      message: `No ${vendor.name} key is set`,
    };
  }
  const apiKey = openProviderKey(outbound.secretBox, ctx.workspaceId, input.providerId, row.ciphertext);
  const check = await vendor.checkKey({
    apiKey,
    baseUrl: row.base_url ?? vendor.defaultBaseUrl,
    signal: AbortSignal.timeout(CHECK_TIMEOUT_MS),
    fetch: outbound.fetch,
  });
  await markProviderKeyUsed(ctx.db, ctx.workspaceId, input.providerId);
  await setProviderKeyStatus(
    ctx.db,
    ctx.workspaceId,
    input.providerId,
    row.ciphertext,
    check.status,
    check.message,
  );
  return { providerId: input.providerId, ...check };
}
