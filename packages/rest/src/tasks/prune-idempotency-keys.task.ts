import { systemClock } from "@quarry/core/clock";
import { defineTask } from "@quarry/queue/define-task";
import { z } from "zod";
import { pruneIdempotencyKeys } from "../services/prune-idempotency-keys.ts";

/** Hourly clean-up of REST idempotency keys past their 24 hours. Safe to re-run. */
export const pruneIdempotencyKeysTask = defineTask({
  name: "rest/prune-idempotency-keys",
  payload: z.object({}),
  async run(_payload, { db, log }) {
    const deleted = await pruneIdempotencyKeys(db, systemClock);
    log.info({ deleted }, "pruned expired idempotency keys");
  },
});
