import type { Database } from "@quarry/db/client";

/** The new key's row; undefined when its prefix is taken. */
export async function insertApiKey(
  db: Database,
  workspaceId: string,
  values: { name: string; prefix: string; secretHash: Buffer; scope: string; createdBy: string | null },
) {
  return (
    db
      .insertInto("workspace_api_keys")
      .values({
        workspace_id: workspaceId,
        name: values.name,
        prefix: values.prefix,
        secret_hash: values.secretHash,
        scope: values.scope,
        created_by: values.createdBy,
      })
      // A prefix clash inserts nothing (the caller draws a new key) instead of aborting its transaction.
      .onConflict((oc) => oc.column("prefix").doNothing())
      .returning(["id", "name", "prefix", "scope", "created_at"])
      .executeTakeFirst()
  );
}

export async function listApiKeys(db: Database, workspaceId: string) {
  return db
    .selectFrom("workspace_api_keys as k")
    .leftJoin("users as u", "u.id", "k.created_by")
    .select([
      "k.id",
      "k.name",
      "k.prefix",
      "k.scope",
      "u.name as creator_name",
      "k.created_at",
      "k.last_used_at",
      "k.revoked_at",
    ])
    .where("k.workspace_id", "=", workspaceId)
    .orderBy("k.created_at", "desc")
    .orderBy("k.id")
    .execute();
}

export async function findApiKey(db: Database, workspaceId: string, id: string) {
  return db
    .selectFrom("workspace_api_keys")
    .select(["id", "revoked_at"])
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .executeTakeFirst();
}

/** Revokes a key that is not revoked yet; undefined when there is none with that id in the workspace. */
export async function revokeApiKey(db: Database, workspaceId: string, id: string, at: Date) {
  return db
    .updateTable("workspace_api_keys")
    .set({ revoked_at: at })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .returning("id")
    .executeTakeFirst();
}

/**
 * The key with this public prefix. A bearer key is the only thing an API request carries, so
 * this lookup alone is not scoped by a workspace id: the row it finds names the workspace.
 */
export async function findApiKeyByPrefix(db: Database, prefix: string) {
  return db
    .selectFrom("workspace_api_keys")
    .select(["id", "workspace_id", "secret_hash", "scope", "created_by", "last_used_at", "revoked_at"])
    .where("prefix", "=", prefix)
    .executeTakeFirst();
}

/** Sets last_used_at unless it was set less than `resolutionMs` before `at` (another request did). */
export async function touchApiKey(
  db: Database,
  workspaceId: string,
  id: string,
  at: Date,
  resolutionMs: number,
): Promise<void> {
  await db
    .updateTable("workspace_api_keys")
    .set({ last_used_at: at })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .where((eb) =>
      eb.or([
        eb("last_used_at", "is", null),
        eb("last_used_at", "<=", new Date(at.getTime() - resolutionMs)),
      ]),
    )
    .execute();
}

/** Revokes every live key `userId` created in the workspace; how many. */
export async function revokeApiKeysCreatedBy(db: Database, workspaceId: string, userId: string, at: Date) {
  const result = await db
    .updateTable("workspace_api_keys")
    .set({ revoked_at: at })
    .where("workspace_id", "=", workspaceId)
    .where("created_by", "=", userId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** How many live keys `userId` created in the workspace. */
export async function countApiKeysCreatedBy(db: Database, workspaceId: string, userId: string) {
  const row = await db
    .selectFrom("workspace_api_keys")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("workspace_id", "=", workspaceId)
    .where("created_by", "=", userId)
    .where("revoked_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
