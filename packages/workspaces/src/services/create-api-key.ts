import { AppError, notFound } from "@quarry/core/app-error";
import { checkPlanLimit } from "@quarry/core/plan-limits";
import { actorUserId } from "@quarry/core/service-context";
import type { ServiceCtx } from "@quarry/db/service-context";
import { withTx } from "@quarry/db/with-tx";
import { insertApiKey } from "../queries/api-keys.queries.ts";
import type { CreateApiKeyInput, CreatedApiKey } from "../schemas/api-keys.ts";
import { generateApiKey, hashApiKey } from "./api-key-token.ts";

/** Who creates the key: a member in the app, or nobody (the admin CLI). */
const MAX_ATTEMPTS = 3;

/**
 * Creates a workspace API key and returns it in full: the only time it is ever shown. Only its
 * SHA-256 is stored. The public prefix is random and unique; a clash (rare) draws a new key.
 * Refused (FORBIDDEN) when the workspace has as many keys (not revoked) as its plan allows.
 */
export async function createApiKey(ctx: ServiceCtx, input: CreateApiKeyInput): Promise<CreatedApiKey> {
  return withTx(ctx.db, async (db) => {
    await checkPlanLimit({ ...ctx, db }, "api_keys", 1);
    return insertNewKey({ ...ctx, db }, input);
  });
}

async function insertNewKey(ctx: ServiceCtx, input: CreateApiKeyInput): Promise<CreatedApiKey> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const { prefix, key } = generateApiKey();
    const row = await insertApiKey(ctx.db, ctx.workspaceId, {
      name: input.name,
      prefix,
      secretHash: hashApiKey(key),
      scope: input.scope,
      createdBy: actorUserId(ctx.actor),
    }).catch((error: unknown) => {
      const e = error as { code?: string; constraint?: string };
      if (e.code === "23503" && e.constraint === "workspace_api_keys_workspace_id_fkey")
        throw notFound("Workspace");
      throw error;
    });
    if (!row) continue; // prefix clash (rare): draw a new key
    ctx.log.info({ apiKeyId: row.id, prefix, scope: input.scope }, "API key created");
    return {
      id: row.id,
      name: row.name,
      prefix: row.prefix,
      scope: input.scope,
      createdAt: row.created_at.toISOString(),
      key,
    };
  }
  throw new AppError("CONFLICT", "Could not create a unique key: try again.");
}
