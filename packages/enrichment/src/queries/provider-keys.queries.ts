import type { Database } from "@quarry/db/client";
import { sql } from "kysely";

/** The only SQL for provider_keys. Every query but the re-encrypt scan filters on workspace_id. */

export interface ProviderKeyRow {
  id: string;
  workspace_id: string;
  provider_id: string;
  ciphertext: string;
  key_id: string;
  base_url: string | null;
  last4: string;
  status: string;
  status_message: string | null;
  created_at: Date;
  updated_at: Date;
  last_used_at: Date | null;
  checked_at: Date | null;
}

const columns = [
  "id",
  "workspace_id",
  "provider_id",
  "ciphertext",
  "key_id",
  "base_url",
  "last4",
  "status",
  "status_message",
  "created_at",
  "updated_at",
  "last_used_at",
  "checked_at",
] as const;

export async function listProviderKeyRows(db: Database, workspaceId: string): Promise<ProviderKeyRow[]> {
  return db
    .selectFrom("provider_keys")
    .select(columns)
    .where("workspace_id", "=", workspaceId)
    .orderBy("provider_id")
    .execute();
}

export async function findProviderKeyRow(
  db: Database,
  workspaceId: string,
  providerId: string,
): Promise<ProviderKeyRow | undefined> {
  return db
    .selectFrom("provider_keys")
    .select(columns)
    .where("workspace_id", "=", workspaceId)
    .where("provider_id", "=", providerId)
    .executeTakeFirst();
}

/** Inserts or replaces the workspace's key for a vendor; a new key starts untested. */
export async function upsertProviderKeyRow(
  db: Database,
  workspaceId: string,
  k: {
    providerId: string;
    ciphertext: string;
    keyId: string;
    last4: string;
    /** undefined keeps the stored override. */
    baseUrl: string | null | undefined;
    createdBy: string | null;
  },
): Promise<ProviderKeyRow> {
  return db
    .insertInto("provider_keys")
    .values({
      workspace_id: workspaceId,
      provider_id: k.providerId,
      ciphertext: k.ciphertext,
      key_id: k.keyId,
      last4: k.last4,
      base_url: k.baseUrl ?? null,
      created_by: k.createdBy,
    })
    .onConflict((oc) =>
      oc.columns(["workspace_id", "provider_id"]).doUpdateSet((eb) => ({
        ciphertext: eb.ref("excluded.ciphertext"),
        key_id: eb.ref("excluded.key_id"),
        last4: eb.ref("excluded.last4"),
        base_url: k.baseUrl === undefined ? eb.ref("provider_keys.base_url") : eb.ref("excluded.base_url"),
        status: "untested",
        status_message: null,
        checked_at: null,
        updated_at: sql<Date>`now()`,
      })),
    )
    .returning(columns)
    .executeTakeFirstOrThrow();
}

export async function deleteProviderKeyRow(
  db: Database,
  workspaceId: string,
  providerId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom("provider_keys")
    .where("workspace_id", "=", workspaceId)
    .where("provider_id", "=", providerId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function setProviderKeyStatus(
  db: Database,
  workspaceId: string,
  providerId: string,
  ciphertext: string,
  status: string,
  message: string,
): Promise<void> {
  // Only the key that was checked: a key replaced meanwhile keeps its own (untested) status.
  await db
    .updateTable("provider_keys")
    .set({ status, status_message: message, checked_at: sql<Date>`now()` })
    .where("workspace_id", "=", workspaceId)
    .where("provider_id", "=", providerId)
    .where("ciphertext", "=", ciphertext)
    .execute();
}

/** Records use without writing the row on every call: at most once a minute. */
export async function touchProviderKeyUsed(
  db: Database,
  workspaceId: string,
  providerId: string,
): Promise<void> {
  await db
    .updateTable("provider_keys")
    .set({ last_used_at: sql<Date>`now()` })
    .where("workspace_id", "=", workspaceId)
    .where("provider_id", "=", providerId)
    .where((eb) =>
      eb.or([
        eb("last_used_at", "is", null),
        eb("last_used_at", "<", sql<Date>`now() - interval '1 minute'`),
      ]),
    )
    .execute();
}

/**
 * Maintenance scan for the re-encrypt job, across workspaces: rows not under the current key, in id
 * order after `afterId`.
 */
export async function listRowsNotUnderKey(
  db: Database,
  currentKeyId: string,
  afterId: string | null,
  limit: number,
): Promise<Pick<ProviderKeyRow, "id" | "workspace_id" | "provider_id" | "ciphertext" | "key_id">[]> {
  let q = db
    .selectFrom("provider_keys")
    .select(["id", "workspace_id", "provider_id", "ciphertext", "key_id"])
    .where("key_id", "<>", currentKeyId)
    .orderBy("id")
    .limit(limit);
  if (afterId) q = q.where("id", ">", afterId);
  return q.execute();
}

/** Swaps the ciphertext only if nobody replaced the key since it was read. */
export async function replaceCiphertext(
  db: Database,
  workspaceId: string,
  id: string,
  from: string,
  to: { ciphertext: string; keyId: string },
): Promise<boolean> {
  const result = await db
    .updateTable("provider_keys")
    .set({ ciphertext: to.ciphertext, key_id: to.keyId })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .where("ciphertext", "=", from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
