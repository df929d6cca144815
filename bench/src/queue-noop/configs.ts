import { parseEnv } from "@quarry/core/env";
import type { RunnerOptions } from "graphile-worker";

type WorkerPreset = NonNullable<NonNullable<RunnerOptions["preset"]>["worker"]>;

/** One way of running graphile-worker; `name` prefixes its metrics. */
export interface WorkerConfig {
  name: string;
  what: string;
  concurrency: number;
  /** pg pool size; jobs/src/worker.ts uses concurrency + 2. */
  poolSize: number;
  pollInterval: number;
  /** Goes to `run({ preset: { worker } })`: batching and local queue options. */
  worker: WorkerPreset;
  /** Jobs queued for the throughput run: enough for a few seconds of draining. */
  jobs: number;
}

/** The product's worker concurrency: WORKER_CONCURRENCY when set, else the env default (4). */
const appConcurrency = parseEnv({ WORKER_CONCURRENCY: process.env.WORKER_CONCURRENCY }).WORKER_CONCURRENCY;

/** What jobs/src/worker.ts passes to run() besides the pool, task list, crontab and logger. */
const app = {
  concurrency: appConcurrency,
  poolSize: appConcurrency + 2,
  pollInterval: 2000,
  worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 },
};

export const configs: WorkerConfig[] = [
  {
    name: "app",
    what: `jobs/src/worker.ts as shipped: concurrency ${appConcurrency}, pool +2, complete/fail batch delay 0, no local queue`,
    ...app,
    jobs: 20_000,
  },
  {
    name: "app_local_queue",
    what: "the app's settings plus localQueue.size 100 (the recommended change)",
    ...app,
    worker: { ...app.worker, localQueue: { size: 100 } },
    jobs: 100_000,
  },
  {
    name: "unbatched",
    what: "concurrency 24, graphile-worker's defaults otherwise (no local queue, no batch delays)",
    concurrency: 24,
    poolSize: 26,
    pollInterval: 2000,
    worker: {},
    jobs: 20_000,
  },
  {
    name: "batched",
    what: "concurrency 24, localQueue.size 500, complete/fail batch delay 10 ms",
    concurrency: 24,
    poolSize: 26,
    pollInterval: 2000,
    worker: { localQueue: { size: 500 }, completeJobBatchDelay: 10, failJobBatchDelay: 10 },
    jobs: 100_000,
  },
  {
    name: "batched_refetch",
    what: "batched + localQueue.refetchDelay 100 ms: an idle fetch ignores new-job notifications until the next poll",
    concurrency: 24,
    poolSize: 26,
    pollInterval: 2000,
    worker: {
      localQueue: { size: 500, refetchDelay: { durationMs: 100 } },
      completeJobBatchDelay: 10,
      failJobBatchDelay: 10,
    },
    jobs: 100_000,
  },
];
