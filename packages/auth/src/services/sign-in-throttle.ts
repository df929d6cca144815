import { AppError } from "@quarry/core/app-error";
import { type Clock, DAY, MINUTE } from "@quarry/core/clock";
import type { Database } from "@quarry/db/client";
import {
  deleteThrottle,
  findActiveLock,
  incrementFailures,
  setLockedUntil,
} from "../queries/auth-throttles.queries.ts";

/**
 * Sign-in throttling, kept in auth_throttles so every server process sees the same state.
 * Each key allows some free failures; after that each failure locks the key for 2^(n - free)
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

/** Throws TOO_MANY_REQUESTS (with retryAfter seconds) while the account or the IP is locked. */
export async function assertSignInAllowed(
  db: Database,
  clock: Clock,
  keys: { email: string; ip: string },
): Promise<void> {
  const now = clock.now();
  const lockedUntil = await findActiveLock(db, [accountKey(keys.email), ipKey(keys.ip)], now);
  if (!lockedUntil) return;
  const retryAfter = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000));
  throw new AppError(
    "TOO_MANY_REQUESTS",
    `Too many failed sign-in attempts. Try again in ${formatWait(retryAfter)}.`,
    { retryAfter },
  );
}

export async function recordSignInFailure(
  db: Database,
  clock: Clock,
  keys: { email: string; ip: string },
): Promise<void> {
  const now = clock.now();
  const resetBefore = new Date(now.getTime() - THROTTLE_FORGET_AFTER_MS);
  for (const [key, policy] of [
    [accountKey(keys.email), ACCOUNT_POLICY],
    [ipKey(keys.ip), IP_POLICY],
  ] as const) {
    const failures = await incrementFailures(db, key, now, resetBefore);
    const lockMs = lockDurationMs(failures, policy);
    if (lockMs > 0) await setLockedUntil(db, key, new Date(now.getTime() + lockMs));
  }
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
