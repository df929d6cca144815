import { AppError } from "@quarry/core/app-error";
import type { ContextUser } from "@quarry/trpc/context";
import { findUserByEmail } from "../queries/users.queries.ts";
import type { SignInInput } from "../schemas/auth.ts";
import type { AuthContext } from "./auth-context.ts";
import { createSession } from "./create-session.ts";
import { verifyDummyPassword, verifyPassword } from "./password.ts";
import { reserveSignInAttempt, settleSignInSuccess } from "./sign-in-throttle.ts";
import { SESSION_COOKIE } from "./validate-session.ts";

/** The one answer for an unknown email and a wrong password, so neither reveals which it was. */
export const INVALID_CREDENTIALS = "Email or password is incorrect.";

export async function signIn(ctx: AuthContext, input: SignInInput): Promise<{ user: ContextUser }> {
  const keys = { email: input.email, ip: ctx.req.ip };
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
  const { token, session } = await createSession(ctx.db, ctx.clock, found.id, ctx.req);
  ctx.cookies.set(SESSION_COOKIE, token, { expires: session.expiresAt });
  return { user: { id: found.id, email: found.email, name: found.name } };
}
