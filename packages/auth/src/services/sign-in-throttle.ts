import { AppError } from "@quarry/core/app-error";
import { type Clock, DAY, MINUTE } from "@quarry/core/clock";
import type { Database } from "@quarry/db/client";
import { withTx } from "@quarry/db/with-tx";
import {
  deleteThrottle,
  findActiveLock,
  releaseAttempt,
  reserveAttempt,
  setLockedUntil,
} from "../queries/auth-throttles.queries.ts";

/**
 * Sign-in throttling, kept in auth_throttles so every server process sees the same state.
 * An attempt is reserved (counted) before its password is checked. Each key allows some free
 * failures; after that each failure locks the key for 2^(n - free)
 * seconds, up to 15 minutes. A key quiet for a day starts over.
 */
export interface ThrottlePolicy {
  freeFailures: number;
  maxLockMs: number;
}

export const ACCOUNT_POLICY: ThrottlePolicy = { freeFailures: 5, maxLockMs: 15 * MINUTE };
/** An IP may be shared (an office, a NAT), so it gets more free failures than one account. */
export const IP_POLICY: ThrottlePolicy = { freeFailures: 20, maxLockMs: 15 * MINUTE };
export const THROTTLE_FORGET_AFTER_MS = DAY;

export const accountKey = (email: string) => `email:${email}`;
export const ipKey = (ip: string) => `ip:${ip}`;

/** How long the key is locked after its `failures`-th failure in a row (0 while still free). */
export function lockDurationMs(failures: number, policy: ThrottlePolicy): number {
  const over = failures - policy.freeFailures;
  if (over <= 0) return 0;
  return Math.min(2 ** Math.min(over, 30) * 1000, policy.maxLockMs);
}

/**
 * Reserves one sign-in attempt on the account and on the IP before the password is checked,
 * counting it as a failure until `settleSignInSuccess` gives it back. Each key's count and lock
 * change in one locked upsert, so N concurrent guesses cannot all pass one "not locked yet"
 * check: once the reservations reach the limit the rest get TOO_MANY_REQUESTS (with retryAfter
 * seconds). A refused attempt counts nowhere (the transaction rolls back the other key).
 */
export async function reserveSignInAttempt(
  db: Database,
  clock: Clock,
  keys: { email: string; ip: string },
): Promise<void> {
  const now = clock.now();
  const resetBefore = new Date(now.getTime() - THROTTLE_FORGET_AFTER_MS);
  const throttled = [
    [accountKey(keys.email), ACCOUNT_POLICY],
    [ipKey(keys.ip), IP_POLICY],
  ] as const;
  await withTx(db, async (trx) => {
    for (const [key, policy] of throttled) {
      const attempts = await reserveAttempt(trx, key, now, resetBefore);
      if (attempts === undefined) {
        const lockedUntil = await findActiveLock(
          trx,
          throttled.map(([k]) => k),
          now,
        );
        throw tooManyAttempts(lockedUntil ?? now, now);
      }
      const lockMs = lockDurationMs(attempts, policy);
      if (lockMs > 0) await setLockedUntil(trx, key, new Date(now.getTime() + lockMs));
    }
  });
}

/** The reserved attempt was the right password: the account starts over, the IP gets its attempt back. */
export async function settleSignInSuccess(db: Database, keys: { email: string; ip: string }): Promise<void> {
  await clearAccountThrottle(db, keys.email);
  await releaseAttempt(db, ipKey(keys.ip));
}

function tooManyAttempts(lockedUntil: Date, now: Date): AppError {
  const retryAfter = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000));
  return new AppError(
    "TOO_MANY_REQUESTS",
    `Too many failed sign-in attempts. Try again in ${formatWait(retryAfter)}.`,
    { retryAfter },
  );
}

/** After a successful sign-in or a password reset the account starts over (the IP does not). */
export async function clearAccountThrottle(db: Database, email: string): Promise<void> {
  await deleteThrottle(db, accountKey(email));
}

function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}
