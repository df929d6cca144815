import type { Clock } from "@quarry/core/clock";
import type { Database } from "@quarry/db/client";
import { deleteExpiredAuthRows } from "../queries/prune.queries.ts";
import { THROTTLE_FORGET_AFTER_MS } from "./sign-in-throttle.ts";

/**
 * Deletes expired sessions and password resets, and throttle counters old enough to be forgotten
 * anyway. Validation already refuses all of these; this only keeps the tables small.
 */
export async function pruneAuthState(db: Database, clock: Clock) {
  const now = clock.now();
  return deleteExpiredAuthRows(db, now, new Date(now.getTime() - THROTTLE_FORGET_AFTER_MS));
}
