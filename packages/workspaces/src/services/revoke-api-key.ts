import { notFound } from "@quarry/core/app-error";
import type { ServiceCtx } from "@quarry/db/service-context";
import { findApiKey, revokeApiKey as revokeApiKeyRow } from "../queries/api-keys.queries.ts";
import type { RevokeApiKeyInput } from "../schemas/api-keys.ts";

/** Revokes a key: the next request made with it is refused. Revoking twice is fine. */
export async function revokeApiKey(ctx: ServiceCtx, input: RevokeApiKeyInput): Promise<{ ok: true }> {
  const revoked = await revokeApiKeyRow(ctx.db, ctx.workspaceId, input.id, ctx.clock.now());
  if (revoked) {
    ctx.log.info({ apiKeyId: input.id }, "API key revoked");
    return { ok: true };
  }
  if (!(await findApiKey(ctx.db, ctx.workspaceId, input.id))) throw notFound("API key");
  return { ok: true };
}
