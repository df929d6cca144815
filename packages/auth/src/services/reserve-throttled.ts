import type { AppError } from "@quarry/core/app-error";
import type { Database } from "@quarry/db/client";
import { withTx } from "@quarry/db/with-tx";
import { findActiveLock, reserveAttempt, setLockedUntil } from "../queries/auth-throttles.queries.ts";

/** One auth_throttles key and how long its `attempts`-th attempt in a row locks it (0: not at all). */
export interface ThrottledKey {
  key: string;
  lockMs(attempts: number): number;
}

/**
 * Counts one attempt on every key, or on none: each key's count and lock change in one locked
 * upsert, so concurrent attempts are counted one after another and none slips past a lock an
 * earlier one set. When a key is locked nothing is counted (the transaction rolls back) and
 * `refuse(retryAfter seconds)` is thrown. A key quiet for `forgetAfterMs` starts over.
 */
export async function reserveThrottled(
  db: Database,
  now: Date,
  opts: { keys: ThrottledKey[]; forgetAfterMs: number; refuse: (retryAfter: number) => AppError },
): Promise<void> {
  const resetBefore = new Date(now.getTime() - opts.forgetAfterMs);
  await withTx(db, async (trx) => {
    for (const { key, lockMs } of opts.keys) {
      const attempts = await reserveAttempt(trx, key, now, resetBefore);
      if (attempts === undefined) {
        const lockedUntil = await findActiveLock(
          trx,
          opts.keys.map((k) => k.key),
          now,
        );
        const waitMs = (lockedUntil ?? now).getTime() - now.getTime();
        throw opts.refuse(Math.max(1, Math.ceil(waitMs / 1000)));
      }
      const ms = lockMs(attempts);
      if (ms > 0) await setLockedUntil(trx, key, new Date(now.getTime() + ms));
    }
  });
}

/** "3 seconds", "2 minutes": how long to wait, for an error message. */
export function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}
