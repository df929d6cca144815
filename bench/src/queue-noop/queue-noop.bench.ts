import os from "node:os";
import pg from "pg";
import type { Benchmark, BenchResult } from "../lib/bench-result.ts";
import { describeMachine } from "../lib/machine.ts";
import { percentile, round } from "../lib/stats.ts";
import { configMetrics, summarizeConfig } from "./config-metrics.ts";
import { configs } from "./configs.ts";
import { openQueueDatabase } from "./database.ts";
import { measureConfig, type RoundResult } from "./measure-config.ts";

/** Knobs for shorter runs while working on the bench; the defaults are what results are recorded with. */
const opts = {
  jobScale: Number(process.env.BENCH_JOB_SCALE ?? 1),
  rounds: Number(process.env.BENCH_ROUNDS ?? 3),
  pickups: Number(process.env.BENCH_PICKUPS ?? 500),
  pickupWarmup: 20,
  timeoutMs: 120_000,
  only: process.env.BENCH_CONFIGS?.split(","),
};

/** The configuration behind the headline `jobs_per_s` / `pickup_*` metrics: the recommended one. */
export const HEADLINE_CONFIG = "batched";

const log = (msg: string) => console.log(`[queue-noop ${new Date().toISOString().slice(11, 19)}] ${msg}`);

function logRound(r: RoundResult): void {
  const p = r.pickup;
  log(
    `${r.config}: ${r.jobsPerS.toFixed(0)} jobs/s (first start ${r.firstStartMs.toFixed(0)} ms, drain tail ` +
      `${r.drainTailMs.toFixed(0)} ms; cores: bench ${r.cores.bench.toFixed(2)}, its postgres ` +
      `${r.cores.postgres.toFixed(2)}, all postgres ${r.cores.postgresAll.toFixed(2)}, others ${r.cores.others.toFixed(2)}) | pickup p50 ` +
      `${percentile(p.pickup, 50).toFixed(2)} p99 ${percentile(p.pickup, 99).toFixed(2)} ms, add_job p50 ` +
      `${percentile(p.addJob, 50).toFixed(2)} ms`,
  );
}

async function run(): Promise<BenchResult> {
  const selected = configs.filter((c) => !opts.only || opts.only.includes(c.name));
  const loadAvg = os.loadavg()[0] ?? 0;
  log(`database: ${process.env.DATABASE_URL ? "DATABASE_URL" : "embedded PostgreSQL (.data/bench-pg)"}`);
  log(
    `load average before: ${loadAvg.toFixed(2)}; ${opts.rounds} rounds × every config, ${opts.pickups} pickups each`,
  );
  for (const c of selected) log(`config ${c.name} (${c.jobs} jobs): ${c.what}`);
  const database = await openQueueDatabase(process.env.DATABASE_URL);
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  const rounds: RoundResult[] = [];
  try {
    for (let round = 1; round <= opts.rounds; round++) {
      for (const config of selected) {
        const r = await measureConfig(database.url, pool, config, opts);
        logRound(r);
        rounds.push(r);
      }
    }
  } finally {
    await pool.end();
    await database.stop();
  }

  const summaries = selected.map((c) => summarizeConfig(c.name, rounds));
  const headline = summaries.find((s) => s.name === HEADLINE_CONFIG) ?? summaries[0];
  const addJob = rounds.flatMap((r) => r.pickup.addJob);
  return {
    name: "queue-noop",
    metrics: {
      jobs_per_s: round(headline?.jobsPerS.median ?? 0, 0),
      pickup_p50_ms: round(headline?.pickup.p50 ?? 0),
      pickup_p99_ms: round(headline?.pickup.p99 ?? 0),
      add_job_p50_ms: round(percentile(addJob, 50)),
      add_job_p99_ms: round(percentile(addJob, 99)),
      bulk_add_jobs_per_s: round(
        percentile(
          rounds.map((r) => r.addJobsPerS),
          50,
        ),
        0,
      ),
      rounds: opts.rounds,
      pickups_per_round: opts.pickups,
      load_avg_before: round(loadAvg),
      ...Object.assign({}, ...summaries.map(configMetrics)),
    },
    machine: describeMachine(database.serverVersion),
    at: new Date().toISOString(),
  };
}

export const queueNoopBenchmark: Benchmark = {
  name: "queue-noop",
  description: `graphile-worker with a no-op task: jobs/s draining a full queue, and add_job → start pickup when idle (headline: ${HEADLINE_CONFIG})`,
  targets: [
    { metric: "jobs_per_s", op: ">=", value: 8_000 },
    { metric: "pickup_p99_ms", op: "<=", value: 15 },
  ],
  run,
};
