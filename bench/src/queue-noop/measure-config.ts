import type pg from "pg";
import type { WorkerConfig } from "./configs.ts";
import { type CoresUsed, coresUsed, cpuSnapshot } from "./cpu.ts";
import { createNoopProbe } from "./noop-task.ts";
import { startNoopWorker } from "./noop-worker.ts";
import { measurePickup, type PickupSamples } from "./pickup.ts";
import { addNoopJobs, resetJobs, waitForEmptyQueue } from "./queue-sql.ts";

export interface RoundOptions {
  /** Multiplies each configuration's `jobs` (BENCH_JOB_SCALE, for shorter runs). */
  jobScale: number;
  pickups: number;
  pickupWarmup: number;
  timeoutMs: number;
}

export interface RoundResult {
  config: string;
  jobs: number;
  /** Bulk add_jobs inserts per second (before the worker starts). */
  addJobsPerS: number;
  /** Jobs per second from run() called to the job table empty (last batched completion written). */
  jobsPerS: number;
  /** run() called → first job started (ms): startup inside the throughput window. */
  firstStartMs: number;
  /** Last job started → job table empty (ms): completions still being written. */
  drainTailMs: number;
  cores: CoresUsed;
  pickup: PickupSamples;
}

/**
 * One round of one configuration: N no-op jobs queued up front and drained by a fresh worker
 * (throughput), then — same worker, now idle, job table vacuumed — jobs added one at a time (pickup).
 */
export async function measureConfig(
  url: string,
  pool: pg.Pool,
  config: WorkerConfig,
  opts: RoundOptions,
): Promise<RoundResult> {
  const jobs = Math.max(1, Math.round(config.jobs * opts.jobScale));
  await resetJobs(pool);
  const addSeconds = await addNoopJobs(pool, jobs);
  const probe = createNoopProbe();
  const cpuBefore = await cpuSnapshot();
  const t0 = performance.now();
  const worker = await startNoopWorker(url, config, probe);
  try {
    await probe.waitForStarted(jobs, opts.timeoutMs);
    const lastStart = performance.now();
    const empty = await waitForEmptyQueue(pool, opts.timeoutMs);
    const cores = await coresUsed(pool, cpuBefore, await cpuSnapshot());
    await pool.query("vacuum analyze graphile_worker._private_jobs");
    const pickup = await measurePickup(pool, probe, opts.pickupWarmup, opts.pickups);
    return {
      config: config.name,
      jobs,
      addJobsPerS: jobs / addSeconds,
      jobsPerS: jobs / ((empty - t0) / 1000),
      firstStartMs: (probe.firstStartAt() ?? t0) - t0,
      drainTailMs: empty - lastStart,
      cores,
      pickup,
    };
  } finally {
    await worker.stop();
  }
}
