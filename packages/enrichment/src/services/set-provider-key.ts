import { upsertProviderKeyRow } from "../queries/provider-keys.queries.ts";
import type { ProviderKey, SetProviderKeyInput } from "../schemas/provider-keys.ts";
import { toProviderKey } from "./list-provider-keys.ts";
import { checkBaseUrl, last4, sealProviderKey } from "./provider-key-secret.ts";
import type { ProviderKeysContext } from "./provider-keys-context.ts";

/** Stores (or replaces) the workspace's key for a vendor, encrypted; a new key starts untested. */
export async function setProviderKey(
  ctx: ProviderKeysContext,
  input: SetProviderKeyInput,
): Promise<ProviderKey> {
  const baseUrl =
    input.baseUrl === undefined
      ? undefined
      : input.baseUrl
        ? checkBaseUrl(input.baseUrl, { allowPrivateNetworks: ctx.allowPrivateNetworks })
        : null;
  const row = await upsertProviderKeyRow(ctx.db, ctx.workspaceId, {
    providerId: input.providerId,
    ciphertext: sealProviderKey(ctx.box, ctx.workspaceId, input.providerId, input.apiKey),
    keyId: ctx.box.currentKeyId,
    last4: last4(input.apiKey),
    baseUrl,
    createdBy: ctx.actor?.id ?? null,
  });
  ctx.log.info({ providerId: input.providerId }, "provider key set");
  return toProviderKey(input.providerId, row);
}
