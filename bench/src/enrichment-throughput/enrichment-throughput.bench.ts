import os from "node:os";
import { parseEnv } from "@quarry/core/env";
import type { Benchmark, BenchResult } from "../lib/bench-result.ts";
import { describeMachine } from "../lib/machine.ts";
import { percentile, round } from "../lib/stats.ts";
import { dropDatabase, openServer } from "./database.ts";
import { measureScenario, type RoundResult } from "./measure-scenario.ts";
import { type Scenario, scenarios } from "./scenarios.ts";

/** Knobs for shorter runs while working on the bench; the defaults are what results are recorded with. */
const opts = {
  contacts: Number(process.env.BENCH_CONTACTS ?? 100_000),
  rounds: Number(process.env.BENCH_ROUNDS ?? 2),
  workers: Number(process.env.BENCH_WORKERS ?? 2),
  /** Jobs each worker process runs at once: WORKER_CONCURRENCY, as the product reads it. */
  concurrency: parseEnv({ WORKER_CONCURRENCY: process.env.WORKER_CONCURRENCY }).WORKER_CONCURRENCY,
  /** Per scenario round, from run creation: then the runs are cancelled (0 = let them finish). */
  budgetMs: Number(process.env.BENCH_BUDGET_S ?? 45) * 1000,
  timeoutMs: Number(process.env.BENCH_TIMEOUT_S ?? 1800) * 1000,
  only: process.env.BENCH_SCENARIOS?.split(","),
};

const log = (msg: string) =>
  console.log(`[enrichment-throughput ${new Date().toISOString().slice(11, 19)}] ${msg}`);

const median = (v: number[]) => percentile(v, 50);
const min = (v: number[]) => v.reduce((m, x) => Math.min(m, x), Number.POSITIVE_INFINITY);
const max = (v: number[]) => v.reduce((m, x) => Math.max(m, x), 0);
const sum = (v: number[]) => v.reduce((s, x) => s + x, 0);

function logRound(r: RoundResult, s: Scenario): void {
  const util = s.limit > 0 ? `, ${((r.steadyRequestsPerS / s.limit) * 100).toFixed(1)}% of the limit` : "";
  log(
    `${r.scenario}: ${r.recordsPerS.toFixed(0)} records/s (${r.recordsDone} in ${r.totalS.toFixed(1)} s` +
      `${r.completed ? "" : ", then cancelled"}; create ${r.createS.toFixed(1)} s) | ` +
      `vendor ${r.requests} requests, steady ${r.steadyRequestsPerS.toFixed(0)}/s${util}, ${r.vendor429s} × 429 | ` +
      `items ${JSON.stringify(r.items)} runs ${r.runStatuses.join(",")} | ledger: ${r.ledger.captures} captures of ${r.ledger.charges} charges, ` +
      `${r.ledger.holds} holds, ${r.ledger.doubleCharges} double, ${r.ledger.errors.length ? r.ledger.errors.join("; ") : "consistent"} | ` +
      `cores: workers ${r.workerCores.map((c) => c.toFixed(2)).join("+")}, postgres ${r.cores.postgres.toFixed(2)}, ` +
      `vendor ${r.vendorCores.toFixed(2)}, others ${r.cores.others.toFixed(2)} | connections busy ` +
      `${r.activity.busy.toFixed(1)}, waiting for the ledger lock ${r.activity.ledgerLockWaiting.toFixed(1)} | ` +
      `CPU ms per record: postgres ${r.postgresMsPerRecord.toFixed(2)}, workers ${r.workerMsPerRecord.toFixed(2)} | ` +
      `load average ${r.loadAvg.toFixed(2)} | contact updates ${r.contactUpdates}, ${(r.hotUpdateRatio * 100).toFixed(1)}% HOT | peak RSS ${r.peakRssMb.map((m) => m.toFixed(0)).join("/")} MiB`,
  );
}

/** `<scenario>_…` metrics over the scenario's rounds: medians, with min/max for the headline rates. */
function scenarioMetrics(s: Scenario, rounds: RoundResult[]): Record<string, number> {
  const mine = rounds.filter((r) => r.scenario === s.name);
  if (mine.length === 0) return {};
  const rate = mine.map((r) => r.recordsPerS);
  const steady = mine.map((r) => r.steadyRequestsPerS);
  const m: Record<string, number> = {
    [`${s.name}_records_per_s`]: round(median(rate), 0),
    [`${s.name}_records_per_s_min`]: round(min(rate), 0),
    [`${s.name}_records_per_s_max`]: round(max(rate), 0),
    [`${s.name}_requests_per_s`]: round(median(steady), 1),
    [`${s.name}_requests_per_s_min`]: round(min(steady), 1),
    [`${s.name}_requests_per_s_max`]: round(max(steady), 1),
    [`${s.name}_records_done`]: min(mine.map((r) => r.recordsDone)),
    [`${s.name}_completed`]: mine.every((r) => r.completed) ? 1 : 0,
    [`${s.name}_total_s`]: round(median(mine.map((r) => r.totalS)), 1),
    [`${s.name}_create_s`]: round(median(mine.map((r) => r.createS)), 1),
    [`${s.name}_provider_429s`]: max(mine.map((r) => r.vendor429s)),
    [`${s.name}_double_charges`]: sum(mine.map((r) => r.ledger.doubleCharges)),
    [`${s.name}_ledger_errors`]: sum(mine.map((r) => r.ledger.errors.length)),
    [`${s.name}_holds`]: round(median(mine.map((r) => r.ledger.holds)), 0),
    [`${s.name}_postgres_ms_per_record`]: round(median(mine.map((r) => r.postgresMsPerRecord))),
    [`${s.name}_worker_ms_per_record`]: round(median(mine.map((r) => r.workerMsPerRecord))),
    [`${s.name}_load_avg`]: round(median(mine.map((r) => r.loadAvg))),
    [`${s.name}_captures`]: round(median(mine.map((r) => r.ledger.captures)), 0),
    [`${s.name}_hot_update_ratio`]: round(median(mine.map((r) => r.hotUpdateRatio)), 3),
    [`${s.name}_peak_rss_mb`]: round(max(mine.flatMap((r) => r.peakRssMb)), 0),
    [`${s.name}_worker_cores`]: round(median(mine.map((r) => sum(r.workerCores)))),
    [`${s.name}_postgres_cores`]: round(median(mine.map((r) => r.cores.postgres))),
    [`${s.name}_vendor_cores`]: round(median(mine.map((r) => r.vendorCores))),
    [`${s.name}_other_cores`]: round(median(mine.map((r) => r.cores.others))),
    [`${s.name}_busy_connections`]: round(median(mine.map((r) => r.activity.busy)), 1),
    [`${s.name}_ledger_lock_waiting`]: round(median(mine.map((r) => r.activity.ledgerLockWaiting)), 1),
  };
  if (s.limit > 0) m[`${s.name}_rate_limit_utilisation`] = round(median(steady) / s.limit, 3);
  return m;
}

async function run(): Promise<BenchResult> {
  const selected = scenarios.filter((s) => !opts.only || opts.only.includes(s.name));
  const loadAvg = os.loadavg()[0] ?? 0;
  log(`database: ${process.env.DATABASE_URL ? "DATABASE_URL" : "embedded PostgreSQL (.data/bench-pg)"}`);
  log(
    `${opts.contacts} contacts, ${opts.workers} worker processes × concurrency ${opts.concurrency}, ` +
      `${opts.rounds} rounds, budget ${opts.budgetMs / 1000} s a round; load average before: ${loadAvg.toFixed(2)}`,
  );
  for (const s of selected) log(`scenario ${s.name}: ${s.what}`);
  const server = await openServer(process.env.DATABASE_URL);
  const rounds: RoundResult[] = [];
  try {
    for (let i = 1; i <= opts.rounds; i++) {
      for (const s of selected) {
        if (s.diagnostic && i > 1) continue;
        const r = await measureScenario(server, s, opts, log);
        logRound(r, s);
        rounds.push(r);
      }
    }
    // BENCH_KEEP_DATABASE=1 leaves the last round's database for a look with psql.
    if (process.env.BENCH_KEEP_DATABASE !== "1") await dropDatabase(server);
  } finally {
    await server.stop();
  }

  const perScenario = Object.assign({}, ...selected.map((s) => scenarioMetrics(s, rounds)));
  const limited = rounds.filter((r) => r.scenario === "limited");
  const ceiling = rounds.filter((r) => r.scenario === "ceiling");
  return {
    name: "enrichment-throughput",
    metrics: {
      records_per_s: perScenario.limited_records_per_s ?? 0,
      rate_limit_utilisation: perScenario.limited_rate_limit_utilisation ?? 0,
      provider_429s: perScenario.limited_provider_429s ?? 0,
      double_charges: sum(rounds.map((r) => r.ledger.doubleCharges)),
      ledger_errors: sum(rounds.map((r) => r.ledger.errors.length)),
      peak_rss_mb: round(max(limited.flatMap((r) => r.peakRssMb)), 0),
      ceiling_records_per_s: perScenario.ceiling_records_per_s ?? 0,
      ceiling_peak_rss_mb: round(max(ceiling.flatMap((r) => r.peakRssMb)), 0),
      contacts: opts.contacts,
      worker_processes: opts.workers,
      worker_concurrency: opts.concurrency,
      rounds: opts.rounds,
      budget_s: opts.budgetMs / 1000,
      load_avg_before: round(loadAvg),
      ...perScenario,
    },
    machine: describeMachine(server.serverVersion),
    at: new Date().toISOString(),
  };
}

export const enrichmentThroughputBenchmark: Benchmark = {
  name: "enrichment-throughput",
  description:
    "100,000 contacts through real worker processes against a fake bulk vendor (20 ms, 500 requests/s), then the engine's ceiling",
  targets: [
    { metric: "rate_limit_utilisation", op: ">=", value: 0.95 },
    { metric: "provider_429s", op: "<=", value: 0 },
    { metric: "double_charges", op: "<=", value: 0 },
    { metric: "ledger_errors", op: "<=", value: 0 },
    { metric: "ceiling_records_per_s", op: ">=", value: 8_000 },
    { metric: "realistic_rate_limit_utilisation", op: ">=", value: 0.95 },
    { metric: "realistic_provider_429s", op: "<=", value: 0 },
    { metric: "realistic_double_charges", op: "<=", value: 0 },
  ],
  run,
};
