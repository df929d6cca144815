import type { Clock } from "@quarry/core/clock";
import type { Session } from "@quarry/core/session";
import type { Database } from "@quarry/db/client";
import { insertSession } from "../queries/sessions.queries.ts";
import type { ClientInfo } from "./client-info.ts";
import { generateSessionToken, hashSessionSecret } from "./session-token.ts";
import { SESSION_DURATION_MS } from "./validate-session.ts";

/** Starts a session for the user; the token goes into the cookie and is never stored. */
export async function createSession(
  db: Database,
  clock: Clock,
  userId: string,
  req: ClientInfo,
): Promise<{ token: string; session: Session }> {
  const { id, secret, token } = generateSessionToken();
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + SESSION_DURATION_MS);
  await insertSession(db, {
    id,
    secretHash: hashSessionSecret(secret),
    userId,
    expiresAt,
    now,
    ip: req.ip,
    userAgent: req.userAgent,
  });
  return { token, session: { id, userId, expiresAt } };
}
