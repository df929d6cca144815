import { AppError } from "@quarry/core/app-error";
import type { Session, SessionUser } from "@quarry/core/session";
import type { PublicCtx } from "@quarry/db/service-context";
import { insertUser } from "../queries/users.queries.ts";
import type { SignUpInput } from "../schemas/auth.ts";
import type { ClientInfo } from "./client-info.ts";
import { createSession } from "./create-session.ts";
import { hashPassword } from "./password.ts";

/** Creates the user and a first session; the caller decides what to do with the token (the procedure sets the cookie). */
export async function createAccount(
  ctx: Pick<PublicCtx, "db" | "clock">,
  input: SignUpInput & { client: ClientInfo },
): Promise<{ user: SessionUser; session: Session; token: string }> {
  const passwordHash = await hashPassword(input.password);
  const user = await insertUser(ctx.db, { email: input.email, name: input.name, passwordHash });
  if (!user) {
    throw new AppError("CONFLICT", "An account with this email already exists. Sign in instead.", {
      field: "email",
    });
  }
  const { token, session } = await createSession(ctx.db, ctx.clock, user.id, input.client);
  return { user, session, token };
}
