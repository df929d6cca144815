import { percentile, round } from "../lib/stats.ts";
import type { RoundResult } from "./measure-config.ts";

const median = (values: number[]) => percentile(values, 50);
const min = (values: number[]) => values.reduce((m, v) => Math.min(m, v), Number.POSITIVE_INFINITY);
const max = (values: number[]) => values.reduce((m, v) => Math.max(m, v), 0);

export interface ConfigSummary {
  name: string;
  jobs: number;
  rounds: number;
  jobsPerS: { median: number; min: number; max: number };
  /** Over every round's samples together; `p99Rounds` is the spread of the per-round p99s. */
  pickup: { p50: number; p99: number; max: number; p99Rounds: { min: number; max: number } };
  addJobP50: number;
  firstStartMs: number;
  drainTailMs: number;
  benchCores: number;
  postgresCores: number;
  postgresAllCores: number;
  othersCores: number;
}

export function summarizeConfig(name: string, rounds: RoundResult[]): ConfigSummary {
  const mine = rounds.filter((r) => r.config === name);
  const rate = mine.map((r) => r.jobsPerS);
  const pickups = mine.flatMap((r) => r.pickup.pickup);
  const p99s = mine.map((r) => percentile(r.pickup.pickup, 99));
  return {
    name,
    jobs: mine[0]?.jobs ?? 0,
    rounds: mine.length,
    jobsPerS: { median: median(rate), min: min(rate), max: max(rate) },
    pickup: {
      p50: percentile(pickups, 50),
      p99: percentile(pickups, 99),
      max: max(pickups),
      p99Rounds: { min: min(p99s), max: max(p99s) },
    },
    addJobP50: percentile(
      mine.flatMap((r) => r.pickup.addJob),
      50,
    ),
    firstStartMs: median(mine.map((r) => r.firstStartMs)),
    drainTailMs: median(mine.map((r) => r.drainTailMs)),
    benchCores: median(mine.map((r) => r.cores.bench)),
    postgresCores: median(mine.map((r) => r.cores.postgres)),
    postgresAllCores: median(mine.map((r) => r.cores.postgresAll)),
    othersCores: median(mine.map((r) => r.cores.others)),
  };
}

/** `<config>_…` metrics of one configuration. */
export function configMetrics(s: ConfigSummary): Record<string, number> {
  return {
    [`${s.name}_jobs_per_s`]: round(s.jobsPerS.median, 0),
    [`${s.name}_jobs`]: s.jobs,
    [`${s.name}_jobs_per_s_min`]: round(s.jobsPerS.min, 0),
    [`${s.name}_jobs_per_s_max`]: round(s.jobsPerS.max, 0),
    [`${s.name}_pickup_p50_ms`]: round(s.pickup.p50),
    [`${s.name}_pickup_p99_ms`]: round(s.pickup.p99),
    [`${s.name}_pickup_p99_ms_min`]: round(s.pickup.p99Rounds.min),
    [`${s.name}_pickup_p99_ms_max`]: round(s.pickup.p99Rounds.max),
    [`${s.name}_pickup_max_ms`]: round(s.pickup.max),
    [`${s.name}_first_start_ms`]: round(s.firstStartMs, 0),
    [`${s.name}_drain_tail_ms`]: round(s.drainTailMs, 0),
    [`${s.name}_bench_cores`]: round(s.benchCores),
    [`${s.name}_postgres_cores`]: round(s.postgresCores),
    [`${s.name}_postgres_all_cores`]: round(s.postgresAllCores),
    [`${s.name}_other_cores`]: round(s.othersCores),
  };
}
