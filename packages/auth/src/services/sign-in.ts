import { AppError } from "@quarry/core/app-error";
import type { SessionUser } from "@quarry/core/session";
import type { PublicCtx } from "@quarry/db/service-context";
import { findUserByEmail } from "../queries/users.queries.ts";
import type { SignInInput } from "../schemas/auth.ts";
import type { ClientInfo, IssuedSession } from "./client-info.ts";
import { createSession } from "./create-session.ts";
import { verifyDummyPassword, verifyPassword } from "./password.ts";
import { reserveSignInAttempt, settleSignInSuccess } from "./sign-in-throttle.ts";

/** The one answer for an unknown email and a wrong password, so neither reveals which it was. */
export const INVALID_CREDENTIALS = "Email or password is incorrect.";

/** Checks the password (throttled per email and client IP) and starts a session; the procedure sets the cookie. */
export async function signIn(
  ctx: PublicCtx,
  input: SignInInput & { client: ClientInfo },
): Promise<{ user: SessionUser; session: IssuedSession }> {
  const keys = { email: input.email, ip: input.client.ip };
  await reserveSignInAttempt(ctx.db, ctx.clock, keys);

  const found = await findUserByEmail(ctx.db, input.email);
  const ok = found
    ? await verifyPassword(found.password_hash, input.password)
    : await verifyDummyPassword(input.password);
  if (!found || !ok) {
    // the reservation already counted this failure
    throw new AppError("UNAUTHORIZED", INVALID_CREDENTIALS);
  }

  await settleSignInSuccess(ctx.db, keys);
  const { token, session } = await createSession(ctx.db, ctx.clock, found.id, input.client);
  return {
    user: { id: found.id, email: found.email, name: found.name },
    session: { token, expiresAt: session.expiresAt },
  };
}
