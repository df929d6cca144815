import { defineTask, taskLogger } from "@quarry/queue/define-task";
import { z } from "zod";
import { defaultTiming } from "../services/deps.ts";
import { reapStaleClaims } from "../services/reap-stale-claims.ts";
import { batchJobKey, runBatchTask } from "./run-batch.task.ts";

/** Every minute (cron): takes back claims of dead workers and finishes runs left with nothing open. */
export const reapStaleClaimsTask = defineTask({
  name: "enrichment/reap-stale-claims",
  payload: z.object({
    staleAfterMs: z.number().int().min(1000).max(3_600_000).default(defaultTiming.staleAfterMs),
  }),
  async run({ staleAfterMs }, helpers) {
    await reapStaleClaims(helpers.db, {
      staleAfterMs,
      log: taskLogger(helpers.log),
      requeue: (db, p, runAt) =>
        runBatchTask.enqueue(db, p, { jobKey: batchJobKey(p.runId, p.batch), runAt, maxAttempts: 25 }),
    });
  },
});
