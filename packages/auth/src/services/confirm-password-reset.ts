import { AppError } from "@quarry/core/app-error";
import type { PublicCtx } from "@quarry/db/service-context";
import { withTx } from "@quarry/db/with-tx";
import { findPasswordReset, markPasswordResetUsed } from "../queries/password-resets.queries.ts";
import type { PasswordResetConfirmInput } from "../schemas/password-reset.ts";
import { hashPassword } from "./password.ts";
import { hashPasswordResetToken } from "./password-reset-token.ts";
import { setNewPassword } from "./set-new-password.ts";

const invalid = (message: string) => new AppError("BAD_REQUEST", message, { field: "token" });

/** Sets the new password, uses up the token (and the user's other links), signs the user out everywhere. */
export async function confirmPasswordReset(
  ctx: Pick<PublicCtx, "db" | "clock">,
  input: PasswordResetConfirmInput,
): Promise<{ ok: true }> {
  const id = hashPasswordResetToken(input.token);
  const now = ctx.clock.now();
  const reset = await findPasswordReset(ctx.db, id);
  if (!reset) throw invalid("This reset link is not valid. Request a new one.");
  if (reset.used_at) throw invalid("This reset link has already been used. Request a new one.");
  if (reset.expires_at.getTime() <= now.getTime()) {
    throw invalid("This reset link has expired. Request a new one.");
  }
  const passwordHash = await hashPassword(input.password);
  await withTx(ctx.db, async (trx) => {
    const used = await markPasswordResetUsed(trx, id, ctx.clock.now());
    if (!used) throw invalid("This reset link has already been used. Request a new one.");
    await setNewPassword(trx, used.user_id, passwordHash);
  });
  return { ok: true };
}
