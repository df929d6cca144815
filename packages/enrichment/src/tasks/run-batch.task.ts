import { defineTask, type TaskHelpers, taskCtx } from "@quarry/queue/define-task";
import { z } from "zod";
import { defaultDeps } from "../services/default-deps.ts";
import type { EnrichmentDeps } from "../services/deps.ts";
import { runBatch } from "../services/run-batch.ts";

export const RUN_BATCH_TASK = "enrichment/run-batch";

export const runBatchPayload = z.object({
  workspaceId: z.uuid(),
  runId: z.uuid(),
  batch: z.number().int().min(0),
});

/** One job per (run, batch): re-adding it replaces a waiting job, or follows a running one. */
export function batchJobKey(runId: string, batch: number): string {
  return `enrichment-run:${runId}:${batch}`;
}

/** The batch task with the given deps (tests pass their own providers and timing). */
export function makeRunBatchTask(deps: (helpers: TaskHelpers) => EnrichmentDeps) {
  const task = defineTask({
    name: RUN_BATCH_TASK,
    payload: runBatchPayload,
    async run(payload, helpers) {
      await runBatch(taskCtx(helpers, payload.workspaceId, "enrichment"), deps(helpers), payload, {
        signal: helpers.signal,
        requeue: (db, p, runAt) =>
          task.enqueue(db, p, { jobKey: batchJobKey(p.runId, p.batch), runAt, maxAttempts: 25 }),
      });
    },
  });
  return task;
}

/** enrichment/run-batch with the registry's providers, calling out through the worker's Outbound. */
export const runBatchTask = makeRunBatchTask((helpers) => defaultDeps(helpers.outbound));
