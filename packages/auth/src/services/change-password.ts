import { AppError } from "@quarry/core/app-error";
import { actingUserId } from "@quarry/core/service-context";
import type { AccountCtx } from "@quarry/db/service-context";
import { withTx } from "@quarry/db/with-tx";
import { findUserById } from "../queries/users.queries.ts";
import type { ChangePasswordInput } from "../schemas/auth.ts";
import type { ClientInfo } from "./client-info.ts";
import { hashPassword, verifyPassword } from "./password.ts";
import { setNewPassword } from "./set-new-password.ts";
import { reserveSignInAttempt, settleSignInSuccess } from "./sign-in-throttle.ts";

/**
 * Changes the signed-in user's password after checking the current one (throttled like sign-in,
 * so a borrowed session cannot guess it), keeps this session and signs out every other.
 */
export async function changePassword(
  ctx: AccountCtx,
  input: ChangePasswordInput & { currentSessionId: string; client: ClientInfo },
): Promise<{ ok: true }> {
  const user = await findUserById(ctx.db, actingUserId(ctx.actor));
  if (!user) throw new AppError("UNAUTHORIZED", "Sign in again to change your password.");
  const keys = { email: user.email, ip: input.client.ip };
  await reserveSignInAttempt(ctx.db, ctx.clock, keys);
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw new AppError("BAD_REQUEST", "Current password is not correct.", { field: "currentPassword" });
  }
  await settleSignInSuccess(ctx.db, keys);
  const passwordHash = await hashPassword(input.newPassword);
  await withTx(ctx.db, (trx) =>
    setNewPassword(trx, user.id, passwordHash, { keepSessionId: input.currentSessionId }),
  );
  return { ok: true };
}
