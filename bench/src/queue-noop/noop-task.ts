import type { Task } from "graphile-worker";

export const NOOP_TASK = "bench/noop";

/** What a pickup job carries: when (performance.now(), this process) its add_job was sent. */
export interface PickupPayload {
  addedAt: number;
  warmup: boolean;
}

export interface NoopProbe {
  /** The no-op task: counts the start and, for pickup jobs, records add_job → start in ms. */
  task: Task;
  started(): number;
  /** performance.now() of the first start, or null before it. */
  firstStartAt(): number | null;
  pickups: number[];
  /** Resolves once `count` jobs have started in total; rejects after `timeoutMs`. */
  waitForStarted(count: number, timeoutMs: number): Promise<void>;
}

function isPickupPayload(payload: unknown): payload is PickupPayload {
  return (
    typeof payload === "object" && payload !== null && typeof Reflect.get(payload, "addedAt") === "number"
  );
}

export function createNoopProbe(): NoopProbe {
  let started = 0;
  let firstStartAt: number | null = null;
  const pickups: number[] = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const task: Task = (payload) => {
    const now = performance.now();
    started++;
    firstStartAt ??= now;
    if (isPickupPayload(payload) && !payload.warmup) pickups.push(now - payload.addedAt);
    for (let i = waiters.length - 1; i >= 0; i--) {
      const w = waiters[i];
      if (w && started >= w.count) {
        waiters.splice(i, 1);
        w.resolve();
      }
    }
  };
  return {
    task,
    started: () => started,
    firstStartAt: () => firstStartAt,
    pickups,
    waitForStarted(count, timeoutMs) {
      if (started >= count) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`only ${started} of ${count} jobs started within ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      });
    },
  };
}
