import type { Database } from "@quarry/db/client";
import { deleteUnusedPasswordResets } from "../queries/password-resets.queries.ts";
import { deleteOtherSessions, deleteUserSessions } from "../queries/sessions.queries.ts";
import { updateUserPassword } from "../queries/users.queries.ts";
import { clearAccountThrottle } from "./sign-in-throttle.ts";

/**
 * What every password change does (run it inside the change's transaction): store the new
 * hash, sign the user out everywhere, revoke reset links still outstanding (one mailed before
 * the change must not undo it) and let the account sign in afresh. A change made from a signed-in
 * session keeps that one session (`keepSessionId`) and signs out every other.
 */
export async function setNewPassword(
  trx: Database,
  userId: string,
  passwordHash: string,
  options: { keepSessionId?: string } = {},
): Promise<void> {
  const user = await updateUserPassword(trx, userId, passwordHash);
  if (options.keepSessionId) await deleteOtherSessions(trx, user.id, options.keepSessionId);
  else await deleteUserSessions(trx, user.id);
  await deleteUnusedPasswordResets(trx, user.id);
  await clearAccountThrottle(trx, user.email);
}
