import type { Database } from "@quarry/db/client";

/** Removes what can no longer be used: expired sessions and resets, throttles idle since `idleBefore`. */
export async function deleteExpiredAuthRows(db: Database, now: Date, idleBefore: Date) {
  const sessions = await db.deleteFrom("sessions").where("expires_at", "<=", now).executeTakeFirst();
  const resets = await db.deleteFrom("password_resets").where("expires_at", "<=", now).executeTakeFirst();
  const throttles = await db
    .deleteFrom("auth_throttles")
    .where("updated_at", "<", idleBefore)
    .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<=", now)]))
    .executeTakeFirst();
  return {
    sessions: Number(sessions.numDeletedRows),
    passwordResets: Number(resets.numDeletedRows),
    throttles: Number(throttles.numDeletedRows),
  };
}
