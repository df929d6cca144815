import type pg from "pg";
import { NOOP_TASK, type PickupPayload } from "./noop-task.ts";

/** Empties graphile-worker's job table (and its bloat) between runs; no worker may be running. */
export async function resetJobs(pool: pg.Pool): Promise<void> {
  await pool.query("truncate graphile_worker._private_jobs");
}

/**
 * Adds `count` no-op jobs through `graphile_worker.add_jobs`, `chunk` per statement, and analyzes
 * the job table. Returns the seconds the inserts took.
 */
export async function addNoopJobs(pool: pg.Pool, count: number, chunk = 10_000): Promise<number> {
  const t = performance.now();
  for (let from = 1; from <= count; from += chunk) {
    const to = Math.min(count, from + chunk - 1);
    await pool.query(
      `select count(*) from graphile_worker.add_jobs(array(
         select row($1, json_build_object('i', g), null, null, null, null, null, null)::graphile_worker.job_spec
         from generate_series($2::int, $3::int) g))`,
      [NOOP_TASK, from, to],
    );
  }
  const seconds = (performance.now() - t) / 1000;
  await pool.query("analyze graphile_worker._private_jobs");
  return seconds;
}

/** The same statement as `defineTask(…).enqueue` (packages/queue/src/define-task.ts), autocommitted. */
export async function addPickupJob(client: pg.PoolClient, payload: PickupPayload): Promise<void> {
  await client.query(
    `select graphile_worker.add_job(
       identifier => $1, payload => $2::json, queue_name => null, run_at => null,
       max_attempts => null, job_key => null, priority => null)`,
    [NOOP_TASK, JSON.stringify(payload)],
  );
}

/** Polls until no job row is left (completions may be batched after the task ran); returns when it saw that. */
export async function waitForEmptyQueue(pool: pg.Pool, timeoutMs: number, everyMs = 5): Promise<number> {
  const until = performance.now() + timeoutMs;
  for (;;) {
    const { rows } = await pool.query<{ empty: boolean }>(
      "select not exists (select 1 from graphile_worker._private_jobs) as empty",
    );
    const now = performance.now();
    if (rows[0]?.empty) return now;
    if (now > until) throw new Error(`job table not empty after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
