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
 * Counts one more attempt for `key` unless it is locked at `now`, in one statement: the upsert
 * locks the row, so concurrent attempts on one key are counted one after another and none
 * slips past a lock that an earlier one set. Returns the new count, or undefined when the key
 * is locked (nothing counted). A key idle since before `resetBefore` starts again from one.
 */
export async function reserveAttempt(
  db: Database,
  key: string,
  now: Date,
  resetBefore: Date,
): Promise<number | undefined> {
  const row = await db
    .insertInto("auth_throttles")
    .values({ key, failures: 1, updated_at: now })
    .onConflict((oc) =>
      oc
        .column("key")
        .doUpdateSet({
          failures: sql<number>`case when auth_throttles.updated_at < ${resetBefore}
            then 1 else auth_throttles.failures + 1 end`,
          updated_at: now,
        })
        .where((eb) =>
          eb.or([
            eb("auth_throttles.locked_until", "is", null),
            eb("auth_throttles.locked_until", "<=", now),
          ]),
        ),
    )
    .returning("failures")
    .executeTakeFirst();
  return row?.failures;
}

/** Gives back an attempt that turned out to be a success (never below zero). */
export async function releaseAttempt(db: Database, key: string): Promise<void> {
  await db
    .updateTable("auth_throttles")
    .set({ failures: sql<number>`greatest(failures - 1, 0)` })
    .where("key", "=", key)
    .execute();
}

export async function setLockedUntil(db: Database, key: string, until: Date): Promise<void> {
  await db.updateTable("auth_throttles").set({ locked_until: until }).where("key", "=", key).execute();
}

export async function deleteThrottle(db: Database, key: string): Promise<void> {
  await db.deleteFrom("auth_throttles").where("key", "=", key).execute();
}
