import os from "node:os";
import { systemClock } from "@quarry/core/clock";
import { guardedFetch } from "@quarry/core/guarded-fetch";
import { silentLogger } from "@quarry/core/logger";
import { systemActor } from "@quarry/core/service-context";
import { createDb } from "@quarry/db/client";
import { cancelRun } from "@quarry/enrichment/services/cancel-run";
import { createRun } from "@quarry/enrichment/services/create-run";
import { MAX_RUN_RECORDS } from "@quarry/enrichment/services/run-selection";
import pg from "pg";
import { type ActivitySummary, sampleActivity } from "./activity-sampler.ts";
import { BENCH_FIELD, benchDeps, benchProvider } from "./bench-provider.ts";
import { backendSeconds, backendSecondsUsed, type CoresUsed, coresUsed, cpuSnapshot } from "./cpu.ts";
import { type BenchServer, freshDatabase } from "./database.ts";
import { startFakeVendor, type VendorStats } from "./fake-vendor.ts";
import {
  checkLedger,
  contactUpdates,
  foundItems,
  itemStatuses,
  type LedgerCheck,
  runStatuses,
  waitForRuns,
} from "./run-sql.ts";
import type { Scenario } from "./scenarios.ts";
import { partOf, seedWorkspace, WORKSPACE_ID } from "./seed.ts";
import { startWorkers } from "./worker-processes.ts";

export interface RoundOptions {
  contacts: number;
  workers: number;
  concurrency: number;
  /** After this long the runs are cancelled and the rate is what was done by then; 0 = until they finish. */
  budgetMs: number;
  timeoutMs: number;
}

export interface RoundResult {
  scenario: string;
  runs: number;
  seedS: number;
  /** createRun called → every run committed (selection, estimate, items, one job per batch). */
  createS: number;
  /** createRun called → every run finished, or → cancel requested when the budget ran out. */
  totalS: number;
  /** Whether the runs finished within the budget (else they were cancelled at its end). */
  completed: boolean;
  /** Items found (values written and charged) by the end of `totalS`. */
  recordsDone: number;
  recordsPerS: number;
  requests: number;
  /** Accepted vendor requests per second between the 5th and 95th percentile request. */
  steadyRequestsPerS: number;
  vendor429s: number;
  items: Record<string, number>;
  runStatuses: string[];
  ledger: LedgerCheck;
  peakRssMb: number[];
  workerCores: number[];
  cores: CoresUsed;
  vendorCores: number;
  activity: ActivitySummary;
  /**
   * CPU milliseconds per record found, from the runs' creation to the end: the bench database's own
   * backends (other databases on the server left out), and both workers.
   */
  postgresMsPerRecord: number;
  workerMsPerRecord: number;
  /** The machine's 1-minute load average when the measured time ended (other users' work included). */
  loadAvg: number;
  /** Contact updates in the round, and the share of them that were HOT (no index entry added). */
  contactUpdates: number;
  hotUpdateRatio: number;
}

/** Accepted requests per second between the 5th and 95th percentile arrival: ramp-up and tail left out. */
export function steadyRate(accepted: readonly number[]): number {
  const t = [...accepted].sort((a, b) => a - b);
  const lo = Math.floor(t.length * 0.05);
  const hi = Math.max(lo, Math.ceil(t.length * 0.95) - 1);
  const span = ((t[hi] ?? 0) - (t[lo] ?? 0)) / 1000;
  return span > 0 ? (hi - lo) / span : 0;
}

/**
 * One round of a scenario on a fresh database: seed, start the fake vendor and the worker
 * processes, create the runs (a run takes at most MAX_RUN_RECORDS records, so 100,000 contacts
 * are two runs created together), wait until every run has finished — or, when the budget runs
 * out first, count what was found by then and cancel the runs — then check the ledger.
 */
export async function measureScenario(
  server: BenchServer,
  scenario: Scenario,
  opts: RoundOptions,
  log: (msg: string) => void,
): Promise<RoundResult> {
  const url = await freshDatabase(server);
  const db = createDb(url, { max: 4 });
  const pool = new pg.Pool({ connectionString: url, max: 3 });
  pool.on("error", (err) => log(`${scenario.name}: bench pool: ${err.message}`));
  const parts = Math.ceil(opts.contacts / MAX_RUN_RECORDS);
  const cost = scenario.cost;
  try {
    const seedS = await seedWorkspace(url, db, {
      contacts: opts.contacts,
      parts,
      credits: opts.contacts + 10_000,
    });
    log(`${scenario.name}: seeded ${opts.contacts} contacts in ${seedS.toFixed(1)} s`);
    const vendor = await startFakeVendor(scenario.latencyMs, scenario.limit);
    const limit = scenario.limit > 0 ? { requests: scenario.limit, perMs: 1000 } : null;
    // Runs are created here; the fake vendor is local, so private networks are allowed, explicitly.
    const deps = benchDeps(
      benchProvider(vendor.url, limit, cost),
      guardedFetch({ allowPrivateNetworks: true }),
    );
    const workers = await startWorkers(opts.workers, {
      databaseUrl: url,
      vendorUrl: vendor.url,
      rateLimit: scenario.limit,
      cost,
      concurrency: opts.concurrency,
    }).catch(async (err) => {
      await vendor.stop();
      throw err;
    });
    let result: Omit<RoundResult, "contactUpdates" | "hotUpdateRatio">;
    try {
      const watched = [...workers.pids, vendor.pid];
      const before = await cpuSnapshot(watched);
      const ctx = {
        db,
        workspaceId: WORKSPACE_ID,
        actor: systemActor("bench"),
        log: silentLogger,
        clock: systemClock,
      };
      const t0 = performance.now();
      const runs = await Promise.all(
        Array.from({ length: parts }, (_, p) =>
          createRun(ctx, deps, {
            entity: "contact",
            selection: {
              filter: {
                op: "and",
                conditions: [{ field: "department", operator: "equals", value: partOf(p) }],
              },
            },
            fields: [BENCH_FIELD],
            overwrite: false,
          }),
        ),
      );
      const created = performance.now();
      const backendsAtStart = await backendSeconds(pool);
      const workersAtStart = await workers.cpuSeconds();
      const runIds = runs.map((r) => r.id);
      const sampler = sampleActivity(pool);
      log(`${scenario.name}: ${runs.length} runs created in ${((created - t0) / 1000).toFixed(1)} s`);
      const budget = opts.budgetMs > 0 ? opts.budgetMs - (created - t0) : opts.timeoutMs;
      const finished = await waitForRuns(pool, runIds, Math.max(0, budget)).catch(() => null);
      const end = finished ?? performance.now();
      const loadAvg = os.loadavg()[0] ?? 0;
      const recordsDone = finished ? opts.contacts : await foundItems(pool, runIds);
      const cores = coresUsed(before, await cpuSnapshot(watched));
      const backendsUsed = backendSecondsUsed(backendsAtStart, await backendSeconds(pool));
      const workersAtEnd = await workers.cpuSeconds();
      const workersUsed = workersAtEnd.reduce((sum, s, i) => sum + s - (workersAtStart[i] ?? 0), 0);
      const perRecord = (seconds: number) => (recordsDone > 0 ? (seconds * 1000) / recordsDone : 0);
      const activity = await sampler.stop();
      const stats: VendorStats = await vendor.stats();
      if (!finished) {
        log(`${scenario.name}: budget spent with ${recordsDone} records done: cancelling the runs`);
        for (const id of runIds) await cancelRun(ctx, id);
        await waitForRuns(pool, runIds, opts.timeoutMs);
      }
      const totalS = (end - t0) / 1000;
      result = {
        scenario: scenario.name,
        runs: runs.length,
        seedS,
        createS: (created - t0) / 1000,
        totalS,
        completed: finished !== null,
        recordsDone,
        recordsPerS: recordsDone / totalS,
        requests: stats.accepted.length,
        steadyRequestsPerS: steadyRate(stats.accepted),
        vendor429s: stats.rejected,
        items: await itemStatuses(pool, runIds),
        runStatuses: await runStatuses(pool, runIds),
        ledger: await checkLedger(pool, WORKSPACE_ID, runIds, cost),
        peakRssMb: await workers.peakRssMb(),
        workerCores: workers.pids.map((pid) => cores.watched.get(pid) ?? 0),
        cores,
        vendorCores: cores.watched.get(vendor.pid) ?? 0,
        activity,
        postgresMsPerRecord: perRecord(backendsUsed),
        workerMsPerRecord: perRecord(workersUsed),
        loadAvg,
      };
    } finally {
      await workers.stop();
      await vendor.stop();
    }
    // The workers have exited, so their statistics are flushed.
    const updates = await contactUpdates(pool);
    return {
      ...result,
      contactUpdates: updates.updates,
      hotUpdateRatio: updates.updates > 0 ? updates.hot / updates.updates : 0,
    };
  } finally {
    await pool.end();
    await db.destroy();
  }
}
