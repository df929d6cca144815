import { AppError } from "@quarry/core/app-error";
import { type Clock, HOUR } from "@quarry/core/clock";
import type { Database } from "@quarry/db/client";
import { formatWait, reserveThrottled } from "./reserve-throttled.ts";

/**
 * Reset requests mail someone, so they are limited before the account is looked up (the same
 * for unknown emails, so a refusal reveals nothing): a few per address, more per client IP
 * (which may be an office). Reaching the limit locks the key for an hour.
 */
export const RESET_LIMITS = { perEmail: 3, perIp: 10, windowMs: HOUR };

const limitOf = (limit: number) => (attempts: number) => (attempts >= limit ? RESET_LIMITS.windowMs : 0);

export async function reservePasswordResetRequest(
  db: Database,
  clock: Clock,
  keys: { email: string; ip: string },
): Promise<void> {
  await reserveThrottled(db, clock.now(), {
    keys: [
      { key: `reset-email:${keys.email}`, lockMs: limitOf(RESET_LIMITS.perEmail) },
      { key: `reset-ip:${keys.ip}`, lockMs: limitOf(RESET_LIMITS.perIp) },
    ],
    forgetAfterMs: RESET_LIMITS.windowMs,
    refuse: (retryAfter) =>
      new AppError(
        "TOO_MANY_REQUESTS",
        `Too many password reset requests. Check your inbox for the link already sent, or try again in ${formatWait(retryAfter)}.`,
        { retryAfter },
      ),
  });
}
