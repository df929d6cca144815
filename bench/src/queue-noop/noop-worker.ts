import { Logger, run } from "graphile-worker";
import pg from "pg";
import type { WorkerConfig } from "./configs.ts";
import type { NoopProbe } from "./noop-task.ts";
import { NOOP_TASK } from "./noop-task.ts";

export interface RunningWorker {
  /** Graceful stop: running jobs finish, batched completions are written, the pool closes. */
  stop(): Promise<void>;
}

/** Only warnings and errors: graphile-worker's info lines would drown the bench's own log. */
const quietLogger = new Logger(() => (level, message) => {
  if (level === "error" || level === "warning") console.warn(`[graphile-worker ${level}] ${message}`);
});

/** graphile-worker `run()` in this process with one no-op task, set up the way jobs/src/worker.ts does. */
export async function startNoopWorker(
  url: string,
  config: WorkerConfig,
  probe: NoopProbe,
): Promise<RunningWorker> {
  const pgPool = new pg.Pool({ connectionString: url, max: config.poolSize });
  pgPool.on("error", (err) => console.warn(`[queue-noop] worker pool: ${err.message}`));
  pgPool.on("connect", (client) => client.on("error", () => {})); // surfaces on the next query instead
  const runner = await run({
    pgPool,
    concurrency: config.concurrency,
    noHandleSignals: true,
    pollInterval: config.pollInterval,
    taskList: { [NOOP_TASK]: probe.task },
    logger: quietLogger,
    preset: { worker: config.worker },
  });
  const done = runner.promise.finally(() => pgPool.end());
  done.catch(() => {}); // surfaces through stop()
  return {
    async stop() {
      await runner.stop();
      await done;
    },
  };
}
