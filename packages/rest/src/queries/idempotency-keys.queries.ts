import type { Database } from "@quarry/db/client";

export interface IdempotencyScope {
  workspaceId: string;
  apiKeyId: string;
  key: string;
}

/**
 * Takes the key for this request: a new row, or one older than `expiredBefore` taken over.
 * A concurrent request holding the key (uncommitted) makes this wait until it commits or rolls
 * back. False when someone else's live answer is there.
 */
export async function claimIdempotencyKey(
  db: Database,
  scope: IdempotencyScope,
  requestHash: string,
  now: Date,
  expiredBefore: Date,
): Promise<boolean> {
  const row = await db
    .insertInto("idempotency_keys")
    .values({
      workspace_id: scope.workspaceId,
      api_key_id: scope.apiKeyId,
      key: scope.key,
      request_hash: requestHash,
      created_at: now,
    })
    .onConflict((oc) =>
      oc
        .constraint("idempotency_keys_scope_key")
        .doUpdateSet({ request_hash: requestHash, created_at: now, status: null, response_body: null })
        .where("idempotency_keys.created_at", "<", expiredBefore),
    )
    .returning("id")
    .executeTakeFirst();
  return row !== undefined;
}

export async function findIdempotencyKey(db: Database, scope: IdempotencyScope) {
  return db
    .selectFrom("idempotency_keys")
    .select(["request_hash", "status", "response_body"])
    .where("workspace_id", "=", scope.workspaceId)
    .where("api_key_id", "=", scope.apiKeyId)
    .where("key", "=", scope.key)
    .executeTakeFirst();
}

export async function saveIdempotentResponse(
  db: Database,
  scope: IdempotencyScope,
  status: number,
  body: unknown,
): Promise<void> {
  await db
    .updateTable("idempotency_keys")
    .set({ status, response_body: JSON.stringify(body ?? null) })
    .where("workspace_id", "=", scope.workspaceId)
    .where("api_key_id", "=", scope.apiKeyId)
    .where("key", "=", scope.key)
    .execute();
}

/** Every key's rows created before `before`, across workspaces: the daily clean-up. */
export async function deleteIdempotencyKeysBefore(db: Database, before: Date): Promise<number> {
  const result = await db.deleteFrom("idempotency_keys").where("created_at", "<", before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
