import type { Database } from "@quarry/db/client";

export async function insertPasswordReset(
  db: Database,
  reset: { id: string; userId: string; expiresAt: Date; now: Date },
): Promise<void> {
  await db
    .insertInto("password_resets")
    .values({ id: reset.id, user_id: reset.userId, expires_at: reset.expiresAt, created_at: reset.now })
    .execute();
}

export async function findPasswordReset(db: Database, id: string) {
  return db
    .selectFrom("password_resets")
    .select(["id", "user_id", "expires_at", "used_at"])
    .where("id", "=", id)
    .executeTakeFirst();
}

/** Marks the reset used if it still is unused and unexpired; undefined when another request won. */
export async function markPasswordResetUsed(db: Database, id: string, now: Date) {
  return db
    .updateTable("password_resets")
    .set({ used_at: now })
    .where("id", "=", id)
    .where("used_at", "is", null)
    .where("expires_at", ">", now)
    .returning(["user_id"])
    .executeTakeFirst();
}

/** Revokes every reset link of the user not used yet (after any password change). */
export async function deleteUnusedPasswordResets(db: Database, userId: string): Promise<void> {
  await db.deleteFrom("password_resets").where("user_id", "=", userId).where("used_at", "is", null).execute();
}
