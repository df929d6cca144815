import { setTimeout as sleep } from "node:timers/promises";
import type pg from "pg";
import type { NoopProbe } from "./noop-task.ts";
import { addPickupJob } from "./queue-sql.ts";

export interface PickupSamples {
  /** add_job sent → task started (ms). */
  pickup: number[];
  /** add_job round trip (ms): the part of the pickup before the commit's NOTIFY can reach the worker. */
  addJob: number[];
}

/**
 * With the worker running and idle: `warmup + count` jobs added one at a time on one connection,
 * a random 1–9 ms apart (about 180 jobs/s, so the worker is mostly idle), each carrying the
 * instant its add_job was sent; the no-op task records when it starts.
 */
export async function measurePickup(
  pool: pg.Pool,
  probe: NoopProbe,
  warmup: number,
  count: number,
): Promise<PickupSamples> {
  const client = await pool.connect();
  const addJob: number[] = [];
  const before = probe.pickups.length;
  const startedBefore = probe.started();
  try {
    for (let i = 0; i < warmup + count; i++) {
      await sleep(1 + Math.random() * 8);
      const addedAt = performance.now();
      await addPickupJob(client, { addedAt, warmup: i < warmup });
      if (i >= warmup) addJob.push(performance.now() - addedAt);
    }
  } finally {
    client.release();
  }
  await probe.waitForStarted(startedBefore + warmup + count, 30_000);
  return { pickup: probe.pickups.slice(before), addJob };
}
