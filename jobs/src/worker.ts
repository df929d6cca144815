import type { Logger } from "@quarry/core/logger";
import type { Outbound } from "@quarry/core/outbound";
import { createPool, type Database } from "@quarry/db/client";
import { type AnyTask, toWorkerTaskList } from "@quarry/queue/define-task";
import { parseCrontab, run } from "graphile-worker";
import { workerTaskList } from "./task-list.ts";
import { graphileLogger } from "./worker-logger.ts";

export interface WorkerOptions {
  connectionString: string;
  /** The Kysely handle tasks receive as `helpers.db`. */
  db: Database;
  /** What tasks receive as `helpers.outbound`: the process's secret box and guarded fetch. */
  outbound: Outbound;
  concurrency: number;
  log: Logger;
  /** Crontab lines (see crontab.ts); empty for none. */
  crontab: string;
  /** How often to look for future-dated jobs, in ms; new jobs arrive through LISTEN/NOTIFY at once. */
  pollInterval?: number;
  /** The tasks to run; every domain's (task-list.ts) unless given (benchmarks swap in their providers). */
  tasks?: readonly AnyTask[];
}

export interface WorkerHandle {
  /** Stops taking jobs, waits for running ones to finish, then closes the worker's connections. */
  stop(): Promise<void>;
  /** Settles when the worker has stopped; rejects if it stopped on an error. */
  done: Promise<void>;
}

/**
 * Runs graphile-worker in this process. Signals are left to the caller (noHandleSignals), so the
 * process's own shutdown decides when jobs stop being taken.
 */
export async function startWorker(opts: WorkerOptions): Promise<WorkerHandle> {
  const pgPool = createPool(opts.connectionString, opts.concurrency + 2);
  pgPool.on("error", (err) => opts.log.error({ err }, "worker database connection failed"));
  pgPool.on("connect", (client) => client.on("error", () => {})); // surfaces on the next query instead
  const runner = await run({
    pgPool,
    concurrency: opts.concurrency,
    noHandleSignals: true,
    pollInterval: opts.pollInterval ?? 2000,
    taskList: opts.tasks
      ? toWorkerTaskList([...opts.tasks], opts.db, opts.outbound)
      : workerTaskList(opts.db, opts.outbound),
    parsedCronItems: parseCrontab(opts.crontab),
    logger: graphileLogger(opts.log),
    // Batched completion (delay 0 = next tick) is what makes stop() wait until a finished job is
    // recorded as done; unbatched, the write can race the pool closing and leave the job locked.
    preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
  });
  opts.log.info({ concurrency: opts.concurrency }, "worker started");
  const done = runner.promise.finally(() => pgPool.end().catch(() => {}));
  done.catch(() => {}); // the caller decides what a crash means; never an unhandled rejection
  let stopping: Promise<void> | null = null;
  return {
    done,
    stop() {
      stopping ??= runner
        .stop()
        .then(() => done)
        .then(() => opts.log.info({}, "worker stopped"));
      return stopping;
    },
  };
}
