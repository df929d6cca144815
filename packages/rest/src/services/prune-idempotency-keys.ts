import type { Clock } from "@quarry/core/clock";
import type { Database } from "@quarry/db/client";
import { deleteIdempotencyKeysBefore } from "../queries/idempotency-keys.queries.ts";
import { IDEMPOTENCY_TTL_MS } from "./idempotency.ts";

/** Forgets idempotency keys older than their 24 hours; a retry after that is a new request. */
export async function pruneIdempotencyKeys(db: Database, clock: Clock): Promise<number> {
  return deleteIdempotencyKeysBefore(db, new Date(clock.now().getTime() - IDEMPOTENCY_TTL_MS));
}
