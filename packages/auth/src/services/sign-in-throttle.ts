import { AppError } from "@quarry/core/app-error";
import { type Clock, DAY, MINUTE } from "@quarry/core/clock";
import type { Database } from "@quarry/db/client";
import { deleteThrottle, releaseAttempt } from "../queries/auth-throttles.queries.ts";
import { formatWait, reserveThrottled } from "./reserve-throttled.ts";

/**
 * Sign-in throttling, kept in auth_throttles so every server process sees the same state.
 * An attempt is reserved (counted) before its password is checked. Each key allows some free
 * failures; after that each failure locks the key for 2^(n - free) seconds, up to 15 minutes. A key quiet for a day starts over.
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
 * counting it as a failure until `settleSignInSuccess` gives it back. N concurrent guesses
 * cannot all pass one "not locked yet" check: once the reservations reach the limit the rest
 * get TOO_MANY_REQUESTS (with retryAfter seconds).
 */
export async function reserveSignInAttempt(
  db: Database,
  clock: Clock,
  keys: { email: string; ip: string },
): Promise<void> {
  await reserveThrottled(db, clock.now(), {
    keys: [
      { key: accountKey(keys.email), lockMs: (n) => lockDurationMs(n, ACCOUNT_POLICY) },
      { key: ipKey(keys.ip), lockMs: (n) => lockDurationMs(n, IP_POLICY) },
    ],
    forgetAfterMs: THROTTLE_FORGET_AFTER_MS,
    refuse: (retryAfter) =>
      new AppError(
        "TOO_MANY_REQUESTS",
        `Too many failed sign-in attempts. Try again in ${formatWait(retryAfter)}.`,
        { retryAfter },
      ),
  });
}

/** The reserved attempt was the right password: the account starts over, the IP gets its attempt back. */
export async function settleSignInSuccess(db: Database, keys: { email: string; ip: string }): Promise<void> {
  await clearAccountThrottle(db, keys.email);
  await releaseAttempt(db, ipKey(keys.ip));
}

/** After a successful sign-in or a password change the account starts over (the IP does not). */
export async function clearAccountThrottle(db: Database, email: string): Promise<void> {
  await deleteThrottle(db, accountKey(email));
}
