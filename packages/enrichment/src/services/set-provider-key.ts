import type { Outbound } from "@quarry/core/outbound";
import { actorUserId } from "@quarry/core/service-context";
import type { ServiceCtx } from "@quarry/db/service-context";
import { upsertProviderKeyRow } from "../queries/provider-keys.queries.ts";
import type { ProviderKey, SetProviderKeyInput } from "../schemas/provider-keys.ts";
import { toProviderKey } from "./list-provider-keys.ts";
import { checkBaseUrl, last4, sealProviderKey } from "./provider-key-secret.ts";

/** Stores (or replaces) the workspace's key for a vendor, encrypted; a new key starts untested. */
export async function setProviderKey(
  ctx: ServiceCtx,
  outbound: Outbound,
  input: SetProviderKeyInput,
): Promise<ProviderKey> {
  const baseUrl =
    input.baseUrl === undefined
      ? undefined
      : input.baseUrl
        ? checkBaseUrl(input.baseUrl, { allowPrivateNetworks: outbound.allowPrivateNetworks })
        : null;
  const row = await upsertProviderKeyRow(ctx.db, ctx.workspaceId, {
    providerId: input.providerId,
    ciphertext: sealProviderKey(outbound.secretBox, ctx.workspaceId, input.providerId, input.apiKey),
    keyId: outbound.secretBox.currentKeyId,
    last4: last4(input.apiKey),
    baseUrl,
    createdBy: actorUserId(ctx.actor),
  });
  ctx.log.info({ providerId: input.providerId }, "provider key set");
  return toProviderKey(input.providerId, row);
}
