import type { Database } from "@quarry/db/client";
import { type Expression, type RawBuilder, sql } from "kysely";

export interface NewSession {
  id: string;
  secretHash: Uint8Array;
  userId: string;
  expiresAt: Date;
  now: Date;
  ip: string | null;
  userAgent: string | null;
}

export async function insertSession(db: Database, s: NewSession): Promise<void> {
  await db
    .insertInto("sessions")
    .values({
      id: s.id,
      secret_hash: Buffer.from(s.secretHash),
      user_id: s.userId,
      expires_at: s.expiresAt,
      created_at: s.now,
      last_seen_at: s.now,
      ip: s.ip,
      user_agent: s.userAgent,
    })
    .execute();
}

/**
 * The session with its user, for validating a token. `also` adds one column computed from the
 * user's id (the server adds the user's workspace roles), so a request needs one statement.
 */
export async function findSessionWithUser<X = null>(
  db: Database,
  id: string,
  also?: (userId: Expression<string>) => RawBuilder<X>,
) {
  return db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select([
      "sessions.id",
      "sessions.secret_hash",
      "sessions.expires_at",
      "sessions.last_seen_at",
      "users.id as user_id",
      "users.email",
      "users.name",
      (also ? also(sql.ref("users.id")) : sql<X>`null`).as("also"),
    ])
    .where("sessions.id", "=", id)
    .executeTakeFirst();
}

export async function touchSession(db: Database, id: string, at: { lastSeenAt: Date; expiresAt: Date }) {
  await db
    .updateTable("sessions")
    .set({ last_seen_at: at.lastSeenAt, expires_at: at.expiresAt })
    .where("id", "=", id)
    .execute();
}

export async function deleteSession(db: Database, id: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", id).execute();
}

/** A user's sessions that have not expired, most recently used first. */
export async function listUserSessions(db: Database, userId: string, now: Date) {
  return db
    .selectFrom("sessions")
    .select(["id", "created_at", "last_seen_at", "expires_at", "user_agent", "ip"])
    .where("user_id", "=", userId)
    .where("expires_at", ">", now)
    .orderBy("last_seen_at", "desc")
    .orderBy("id")
    .execute();
}

/** Deletes every session of the user except `keepId`; returns how many went. */
export async function deleteOtherSessions(db: Database, userId: string, keepId: string): Promise<number> {
  const result = await db
    .deleteFrom("sessions")
    .where("user_id", "=", userId)
    .where("id", "!=", keepId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteUserSessions(db: Database, userId: string): Promise<number> {
  const result = await db.deleteFrom("sessions").where("user_id", "=", userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}
