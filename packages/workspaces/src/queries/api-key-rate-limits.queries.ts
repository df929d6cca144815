import type { Database } from "@quarry/db/client";
import { sql } from "kysely";

/**
 * Counts one request against the key's window starting at `windowStart` and returns the count so
 * far. One atomic upsert, so concurrent requests in any number of processes count exactly.
 */
export async function incrementApiKeyWindow(
  db: Database,
  workspaceId: string,
  keyId: string,
  windowStart: Date,
): Promise<number> {
  const row = await db
    .insertInto("api_rate_limits")
    .values({ workspace_id: workspaceId, key_id: keyId, window_start: windowStart, count: 1 })
    .onConflict((oc) =>
      oc
        .columns(["workspace_id", "key_id", "window_start"])
        .doUpdateSet({ count: sql<number>`api_rate_limits.count + 1` }),
    )
    .returning("count")
    .executeTakeFirstOrThrow();
  return row.count;
}

/** Drops the key's counters of windows before `windowStart`: each key keeps about one row. */
export async function deleteOldApiKeyWindows(
  db: Database,
  workspaceId: string,
  keyId: string,
  windowStart: Date,
): Promise<void> {
  await db
    .deleteFrom("api_rate_limits")
    .where("workspace_id", "=", workspaceId)
    .where("key_id", "=", keyId)
    .where("window_start", "<", windowStart)
    .execute();
}
