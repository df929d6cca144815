import type { Database } from "@quarry/db/client";
import { sql } from "kysely";

/** The latest lock among `keys` that is still running at `now`, or null. */
export async function findActiveLock(db: Database, keys: string[], now: Date): Promise<Date | null> {
  const row = await db
    .selectFrom("auth_throttles")
    .select((eb) => eb.fn.max("locked_until").as("locked_until"))
    .where("key", "in", keys)
    .where("locked_until", ">", now)
    .executeTakeFirst();
  return row?.locked_until ?? null;
}

/**
 * Counts one more failure for `key` and returns the new count. A key idle since before
 * `resetBefore` starts again from one.
 */
export async function incrementFailures(
  db: Database,
  key: string,
  now: Date,
  resetBefore: Date,
): Promise<number> {
  const row = await db
    .insertInto("auth_throttles")
    .values({ key, failures: 1, updated_at: now })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        failures: sql<number>`case when auth_throttles.updated_at < ${resetBefore}
          then 1 else auth_throttles.failures + 1 end`,
        updated_at: now,
      }),
    )
    .returning("failures")
    .executeTakeFirstOrThrow();
  return row.failures;
}

export async function setLockedUntil(db: Database, key: string, until: Date): Promise<void> {
  await db.updateTable("auth_throttles").set({ locked_until: until }).where("key", "=", key).execute();
}

export async function deleteThrottle(db: Database, key: string): Promise<void> {
  await db.deleteFrom("auth_throttles").where("key", "=", key).execute();
}
