import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { type Clock, DAY, MINUTE } from "@quarry/core/clock";
import type { Session, SessionUser } from "@quarry/core/session";
import type { Database } from "@quarry/db/client";
import type { Expression, RawBuilder } from "kysely";
import { deleteSession, findSessionWithUser, touchSession } from "../queries/sessions.queries.ts";
import { hashSessionSecret, parseSessionToken } from "./session-token.ts";

export const SESSION_COOKIE = "quarry_session";
export const SESSION_DURATION_MS = 30 * DAY;
/** A session used with less than this left is extended to a full SESSION_DURATION_MS again. */
export const SESSION_RENEW_BEFORE_MS = 15 * DAY;
/** last_seen_at is written at most this often, so not every request writes. */
const LAST_SEEN_RESOLUTION_MS = 5 * MINUTE;

export interface ValidSession<X = null> {
  user: SessionUser;
  session: Session;
  /** The expiry moved forward: the cookie must be set again with the new expiry. */
  renewed: boolean;
  /** The column `also` computed from the user, read in the same statement as the session. */
  also: X;
}

/**
 * The user and session a token belongs to, or null. Expired sessions are deleted. `also` adds a
 * column computed from the user's id to the session lookup (see findSessionWithUser); it is
 * returned only when the session is valid.
 */
export async function validateSessionToken<X = null>(
  db: Database,
  clock: Clock,
  token: string,
  also?: (userId: Expression<string>) => RawBuilder<X>,
): Promise<ValidSession<X> | null> {
  const parsed = parseSessionToken(token);
  if (!parsed) return null;
  const row = await findSessionWithUser(db, parsed.id, also);
  if (!row) return null;
  if (!constantTimeEqual(hashSessionSecret(parsed.secret), row.secret_hash)) return null;

  const now = clock.now();
  if (now.getTime() >= row.expires_at.getTime()) {
    await deleteSession(db, row.id);
    return null;
  }
  const renewed = row.expires_at.getTime() - now.getTime() < SESSION_RENEW_BEFORE_MS;
  const expiresAt = renewed ? new Date(now.getTime() + SESSION_DURATION_MS) : row.expires_at;
  if (renewed || now.getTime() - row.last_seen_at.getTime() >= LAST_SEEN_RESOLUTION_MS) {
    await touchSession(db, row.id, { lastSeenAt: now, expiresAt });
  }
  return {
    user: { id: row.user_id, email: row.email, name: row.name },
    session: { id: row.id, userId: row.user_id, expiresAt },
    renewed,
    also: row.also as X,
  };
}
