import { AppError } from "@quarry/core/app-error";
import type { ContextSession, ContextUser } from "@quarry/trpc/context";
import { insertUser } from "../queries/users.queries.ts";
import type { SignUpInput } from "../schemas/auth.ts";
import type { AuthContext } from "./auth-context.ts";
import { createSession } from "./create-session.ts";
import { hashPassword } from "./password.ts";
import { SESSION_COOKIE } from "./validate-session.ts";

/** Creates the user and a first session; the caller decides what to do with the token. */
export async function createAccount(
  ctx: Omit<AuthContext, "cookies">,
  input: SignUpInput,
): Promise<{ user: ContextUser; session: ContextSession; token: string }> {
  const passwordHash = await hashPassword(input.password);
  const user = await insertUser(ctx.db, { email: input.email, name: input.name, passwordHash });
  if (!user) {
    throw new AppError("CONFLICT", "An account with this email already exists. Sign in instead.", {
      field: "email",
    });
  }
  const { token, session } = await createSession(ctx.db, ctx.clock, user.id, ctx.req);
  return { user, session, token };
}

export async function signUp(ctx: AuthContext, input: SignUpInput): Promise<{ user: ContextUser }> {
  const { user, session, token } = await createAccount(ctx, input);
  ctx.cookies.set(SESSION_COOKIE, token, { expires: session.expiresAt });
  return { user };
}
