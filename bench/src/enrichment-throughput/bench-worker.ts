import { randomBytes } from "node:crypto";
/**
 * One worker process of the benchmark: `jobs/src/worker.ts` (startWorker) as `npm run worker`
 * runs it — every domain's tasks, the crontab, WORKER_CONCURRENCY, a pool of concurrency + 2 —
 * except that enrichment/run-batch works over the bench provider (pointed at the fake vendor)
 * instead of the registry's. Env: DATABASE_URL, BENCH_VENDOR_URL, BENCH_RATE_LIMIT (requests per
 * second, 0 = no limit), BENCH_COST (credits per value), WORKER_CONCURRENCY, QUARRY_ALLOW_PRIVATE_NETWORKS=true (the fake is local). Prints `ready` once it takes jobs; SIGTERM drains it.
 */
import { parseEnv } from "@quarry/core/env";
import { guardedFetch } from "@quarry/core/guarded-fetch";
import type { Logger } from "@quarry/core/logger";
import { createSecretBox } from "@quarry/core/secret-box";
import { createDb } from "@quarry/db/client";
import { enrichmentTasks } from "@quarry/enrichment/tasks";
import { crontab } from "@quarry/jobs/crontab";
import { onShutdownSignal } from "@quarry/jobs/shutdown-signals";
import { allTasks } from "@quarry/jobs/task-list";
import { startWorker } from "@quarry/jobs/worker";
import { benchDeps, benchProvider } from "./bench-provider.ts";

const env = parseEnv();
const vendorUrl = process.env.BENCH_VENDOR_URL;
if (!env.DATABASE_URL || !vendorUrl) throw new Error("bench-worker needs DATABASE_URL and BENCH_VENDOR_URL");
const limit = Number(process.env.BENCH_RATE_LIMIT ?? 0);
const cost = Number(process.env.BENCH_COST ?? 1);

/** Warnings and errors only, to stderr: one line per job would drown the bench's output. */
const log: Logger = {
  info() {},
  debug() {},
  warn: (obj, msg) =>
    process.stderr.write(`[bench-worker ${process.pid} warn] ${msg ?? ""} ${JSON.stringify(obj)}\n`),
  error: (obj, msg) =>
    process.stderr.write(`[bench-worker ${process.pid} error] ${msg ?? ""} ${JSON.stringify(obj)}\n`),
  child: () => log,
};

const provider = benchProvider(vendorUrl, limit > 0 ? { requests: limit, perMs: 1000 } : null, cost);
const vendorFetch = guardedFetch({ allowPrivateNetworks: env.QUARRY_ALLOW_PRIVATE_NETWORKS });
const deps = benchDeps(provider, vendorFetch);
// enrichmentTasks(deps): the enrichment tasks with run-batch over these deps; the rest as shipped.
const swapped = new Map(enrichmentTasks(deps).map((t) => [t.name, t]));
const tasks = allTasks.map((t) => swapped.get(t.name) ?? t);

const db = createDb(env.DATABASE_URL, { max: env.WORKER_CONCURRENCY + 2 });
const worker = await startWorker({
  connectionString: env.DATABASE_URL,
  db,
  // Run-batch uses the bench deps' fetch; nothing here reads stored keys, so a throwaway secret box.
  outbound: {
    secretBox: createSecretBox({ id: "bench", key: randomBytes(32) }),
    fetch: vendorFetch,
    allowPrivateNetworks: env.QUARRY_ALLOW_PRIVATE_NETWORKS,
  },
  concurrency: env.WORKER_CONCURRENCY,
  log,
  crontab: crontab({ activityRetentionMonths: env.ACTIVITY_RETENTION_MONTHS }),
  tasks,
});
onShutdownSignal(log, async () => {
  await worker.stop();
  await db.destroy();
});
worker.done.catch((err: unknown) => {
  log.error({ err: String(err) }, "worker stopped on an error");
  process.exit(1);
});
process.stdout.write("ready\n");
