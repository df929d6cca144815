import os from "node:os";
import pg from "pg";
import { Pool as HttpPool } from "undici";
import type { Benchmark, BenchResult } from "../lib/bench-result.ts";
import { describeMachine } from "../lib/machine.ts";
import { percentile, round } from "../lib/stats.ts";
import { openQueueDatabase } from "../queue-noop/database.ts";
import { startServer } from "../records-list/server-process.ts";
import { buildDeliveries, sign } from "./events.ts";
import { duplicatesApplied, missingApplications, waitAllProcessed } from "./outcome.ts";
import { startWorkerProcess } from "./worker-process.ts";

/** Knobs for shorter runs while working on the bench; the defaults are what results are recorded with. */
const opts = {
  deliveries: Number(process.env.BENCH_DELIVERIES ?? 10_000),
  concurrency: Number(process.env.BENCH_CONCURRENCY ?? 50),
  workspaces: 100,
  /**
   * Where jobs run: "inprocess" = `npm start` as is (recorded results); "separate" = `npm run
   * worker` beside a server with RUN_WORKER=0, the README's way to scale out.
   */
  worker: process.env.BENCH_WORKER === "separate" ? "separate" : "inprocess",
  processTimeoutMs: Number(process.env.BENCH_PROCESS_TIMEOUT_MS ?? 300_000),
};
const SECRET = "whsec_bench_secret";
const DATABASE = "quarry_bench_stripe";

const log = (msg: string) =>
  console.log(`[stripe-webhooks ${new Date().toISOString().slice(11, 19)}] ${msg}`);

async function seedWorkspaces(pool: pg.Pool, n: number): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(
    "insert into workspaces (name) select 'Bench ' || i from generate_series(1, $1::int) i returning id",
    [n],
  );
  return rows.map((r) => r.id);
}

async function run(): Promise<BenchResult> {
  // Other processes on the machine share its cores with the server, its worker and PostgreSQL.
  const loadAvg = os.loadavg()[0] ?? 0;
  const database = await openQueueDatabase(process.env.DATABASE_URL, DATABASE);
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  const workspaces = await seedWorkspaces(pool, opts.workspaces);
  const { deliveries, expected } = buildDeliveries(workspaces, opts.deliveries);
  log(
    `${deliveries.length} deliveries (${expected.uniqueEvents} distinct events), ${opts.concurrency} at a time`,
  );
  // The real server, Stripe webhooks configured, and the job worker beside it or inside it.
  const inProcess = opts.worker === "inprocess";
  const server = await startServer(database.url, 1, {
    RUN_WORKER: inProcess ? "1" : "0",
    STRIPE_WEBHOOK_SECRET: SECRET,
  });
  const worker = inProcess ? null : startWorkerProcess(database.url);
  const http = new HttpPool(server.origin, { connections: opts.concurrency, pipelining: 1 });
  try {
    const headers = sign(deliveries, SECRET, Math.floor(Date.now() / 1000));
    const latencies: number[] = [];
    let failures = 0;
    let next = 0;
    const started = performance.now();
    const startedAt = Date.now();
    await Promise.all(
      Array.from({ length: opts.concurrency }, async () => {
        for (let i = next++; i < deliveries.length; i = next++) {
          const t0 = performance.now();
          const res = await http.request({
            path: "/webhooks/stripe",
            method: "POST",
            headers: { "content-type": "application/json", "stripe-signature": headers[i] as string },
            body: (deliveries[i] as { body: string }).body,
          });
          await res.body.dump();
          latencies.push(performance.now() - t0);
          if (res.statusCode !== 200) failures++;
        }
      }),
    );
    const ackSeconds = (performance.now() - started) / 1000;
    log(`acknowledged in ${ackSeconds.toFixed(2)} s (${failures} not 200); waiting for the worker`);
    const processedAt = await waitAllProcessed(
      pool,
      expected.uniqueEvents,
      opts.processTimeoutMs,
      () => worker?.exited() ?? false,
    );
    const duplicates = await duplicatesApplied(pool, expected);
    const missing = await missingApplications(pool, expected);
    if (failures || missing) log(`WARNING: ${failures} deliveries refused, ${missing} events not applied`);
    return {
      name: "stripe-webhooks",
      metrics: {
        events_per_s: round(deliveries.length / ackSeconds, 0),
        p50_ack_ms: round(percentile(latencies, 50)),
        p99_ack_ms: round(percentile(latencies, 99)),
        max_ack_ms: round(percentile(latencies, 100)),
        all_processed_s: round((processedAt - startedAt) / 1000),
        processed_after_last_ack_s: round(Math.max(0, (processedAt - startedAt) / 1000 - ackSeconds)),
        duplicates_applied: duplicates,
        not_applied: missing,
        refused: failures,
        deliveries: deliveries.length,
        distinct_events: expected.uniqueEvents,
        concurrency: opts.concurrency,
        load_avg_before: round(loadAvg),
        worker_in_server_process: inProcess ? 1 : 0,
      },
      machine: describeMachine(database.serverVersion),
      at: new Date().toISOString(),
    };
  } finally {
    await http.close();
    await Promise.all([server.stop(), worker?.stop()]);
    await pool.end();
    await database.stop();
  }
}

export const stripeWebhooksBenchmark: Benchmark = {
  name: "stripe-webhooks",
  description:
    "POST /webhooks/stripe on the real server: signed deliveries (a third repeats) acknowledged per second, ack latency, and each event applied once by the worker",
  targets: [
    { metric: "events_per_s", op: ">=", value: 1_000 },
    { metric: "p99_ack_ms", op: "<=", value: 100 },
    { metric: "duplicates_applied", op: "<=", value: 0 },
  ],
  run,
};
