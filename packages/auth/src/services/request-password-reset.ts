import { HOUR } from "@quarry/core/clock";
import type { PublicCtx } from "@quarry/db/service-context";
import { withTx } from "@quarry/db/with-tx";
import { sendMail } from "@quarry/mail/services/send-mail";
import { insertPasswordReset } from "../queries/password-resets.queries.ts";
import { findUserByEmail } from "../queries/users.queries.ts";
import type { PasswordResetRequestInput } from "../schemas/password-reset.ts";
import { reservePasswordResetRequest } from "./password-reset-throttle.ts";
import { generatePasswordResetToken, hashPasswordResetToken } from "./password-reset-token.ts";

export const PASSWORD_RESET_TTL_MS = HOUR;

/**
 * Mails a single-use reset link valid for one hour. The answer is the same whether or not the
 * account exists; for an unknown email nothing is sent. Limited per address and per client IP.
 */
export async function requestPasswordReset(
  ctx: Pick<PublicCtx, "db" | "clock"> & { req: { ip: string; appOrigin: string } },
  input: PasswordResetRequestInput,
): Promise<{ ok: true }> {
  await reservePasswordResetRequest(ctx.db, ctx.clock, { email: input.email, ip: ctx.req.ip });
  const user = await findUserByEmail(ctx.db, input.email);
  if (!user) return { ok: true };
  const token = generatePasswordResetToken();
  const now = ctx.clock.now();
  const link = `${ctx.req.appOrigin}/reset-password/${token}`;
  await withTx(ctx.db, async (trx) => {
    await insertPasswordReset(trx, {
      id: hashPasswordResetToken(token),
      userId: user.id,
      expiresAt: new Date(now.getTime() + PASSWORD_RESET_TTL_MS),
      now,
    });
    await sendMail(trx, {
      to: user.email,
      subject: "Reset your Quarry password",
      text: [
        `Hi ${user.name},`,
        "",
        "Someone asked to reset the password of your Quarry account. To choose a new one, open:",
        link,
        "",
        "The link works once and expires in 1 hour. If you did not ask for this, ignore this email:",
        "your password stays as it is.",
      ].join("\n"),
    });
  });
  return { ok: true };
}
