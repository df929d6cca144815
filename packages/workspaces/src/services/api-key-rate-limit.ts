import type { Clock } from "@quarry/core/clock";
import type { Database } from "@quarry/db/client";
import { deleteOldApiKeyWindows, incrementApiKeyWindow } from "../queries/api-key-rate-limits.queries.ts";

export interface RateLimitPolicy {
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
}

/** The public API's default: 600 requests a minute per key. */
export const API_KEY_RATE_LIMIT: RateLimitPolicy = { limit: 600, windowMs: 60_000 };

export interface RateLimitState {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window resets (at least 1). */
  resetSeconds: number;
}

/**
 * Counts one request for the key in a fixed window kept in PostgreSQL, so every API process
 * shares the count. Refused requests count too: hammering a full window does not reopen it.
 */
export async function consumeApiKeyRateLimit(
  db: Database,
  clock: Clock,
  key: { workspaceId: string; keyId: string },
  policy: RateLimitPolicy = API_KEY_RATE_LIMIT,
): Promise<RateLimitState> {
  const now = clock.now().getTime();
  const windowStart = now - (now % policy.windowMs);
  const start = new Date(windowStart);
  const count = await incrementApiKeyWindow(db, key.workspaceId, key.keyId, start);
  if (count === 1) await deleteOldApiKeyWindows(db, key.workspaceId, key.keyId, start);
  return {
    allowed: count <= policy.limit,
    limit: policy.limit,
    remaining: Math.max(0, policy.limit - count),
    resetSeconds: Math.max(1, Math.ceil((windowStart + policy.windowMs - now) / 1000)),
  };
}
