import cluster from "node:cluster";
import { planLimits } from "@quarry/billing/services/plan-limits";
import { systemClock } from "@quarry/core/clock";
import { type Env, parseEnv } from "@quarry/core/env";
import { outboundFromEnv } from "@quarry/core/outbound";
import type { Database } from "@quarry/db/client";
import { migrateToLatest } from "@quarry/db/migrate";
import type { ResolvedDatabase } from "@quarry/db/resolve-database";
import { crontab } from "@quarry/jobs/crontab";
import { exitOnStartFailure, startEmbeddedDatabase } from "@quarry/jobs/embedded-database";
import { onShutdownSignal } from "@quarry/jobs/shutdown-signals";
import { startWorker, type WorkerHandle } from "@quarry/jobs/worker";
import { configureMailTransport } from "@quarry/mail/services/transport";
import type { FastifyInstance } from "fastify";
import { buildApp } from "./app.ts";
import { createHttpDatabase, createWorkerDatabase } from "./http-database.ts";
import { DRAIN_MESSAGE, forkHttpProcesses, type HttpProcesses } from "./http-processes.ts";
import { createLogger } from "./logger.ts";

/**
 * `npm start`: database (DATABASE_URL, or embedded PostgreSQL under QUARRY_DATA_DIR), migrations,
 * HTTP on PORT, and the job worker in the same process (RUN_WORKER=0 leaves jobs to `npm run worker`).
 * HTTP_PROCESSES above 1 serves HTTP from that many forked processes on the same port instead (the
 * first process keeps the database, migrations and the job worker). Nothing is shared between them
 * but PostgreSQL, as between servers behind a load balancer.
 * SIGINT/SIGTERM: stop accepting, drain requests and let running jobs finish, then close the database.
 */
const DRAIN_TIMEOUT_MS = 10_000;

const env = parseEnv();
const log = createLogger(env);

async function drain(server: FastifyInstance): Promise<void> {
  // In-flight requests finish; long-lived ones (SSE) are cut after the drain timeout.
  const timer = setTimeout(() => server.server.closeAllConnections(), DRAIN_TIMEOUT_MS);
  await server.close();
  clearTimeout(timer);
}

configureMailTransport({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM });
// Calls made for a workspace: one secret box and one guarded fetch per process, passed to HTTP and jobs.
// The plan limits ride along, so every service context built from it enforces them.
const outbound = { ...outboundFromEnv(env), limits: planLimits };
if (cluster.isWorker) await serveHttpProcess(env);
else await startPrimary(env);

/** A forked HTTP process: the primary resolved and migrated the database and passed its URL. */
async function serveHttpProcess(env: Env): Promise<void> {
  if (!env.DATABASE_URL) throw new Error("an HTTP process needs DATABASE_URL from the primary");
  const db = createHttpDatabase(env.DATABASE_URL, env);
  const app = buildApp({ db, env, clock: systemClock, outbound, logger: log });
  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= drain(app).then(() => db.destroy());
    return stopped;
  };
  onShutdownSignal(log, stop);
  const stopAndExit = () => stop().then(() => process.exit(0));
  process.on("message", (message) => {
    if (message === DRAIN_MESSAGE) void stopAndExit();
  });
  process.on("disconnect", () => void stopAndExit()); // the primary is gone
  await app.listen({ port: env.PORT, host: env.HOST });
}

async function startPrimary(env: Env): Promise<void> {
  let database: ResolvedDatabase | undefined;
  let db: Database | undefined;
  let workerDb: Database | undefined;
  let app: FastifyInstance | undefined;
  let httpProcesses: HttpProcesses | undefined;
  let worker: WorkerHandle | undefined;

  onShutdownSignal(log, async () => {
    await Promise.all([app && drain(app), httpProcesses?.stop(), worker?.stop()]);
    await Promise.all([db?.destroy(), workerDb?.destroy()]);
    await database?.stop();
  });

  database = env.DATABASE_URL
    ? { url: env.DATABASE_URL, embedded: false, stop: async () => {} }
    : await startEmbeddedDatabase(env.QUARRY_DATA_DIR, env.QUARRY_EMBEDDED_PG_PORT).catch(exitOnStartFailure);
  if (database.embedded) log.info({ dataDir: env.QUARRY_DATA_DIR }, "embedded PostgreSQL running");

  const { applied } = await migrateToLatest(database.url);
  if (applied.length) log.info({ applied }, "migrations applied");

  db = createHttpDatabase(database.url, env);
  let port: number;
  if (env.HTTP_PROCESSES > 1) {
    httpProcesses = forkHttpProcesses(env.HTTP_PROCESSES, { DATABASE_URL: database.url }, log);
    port = await httpProcesses.listening;
    log.info({ processes: env.HTTP_PROCESSES }, "HTTP processes listening");
  } else {
    app = buildApp({ db, env, clock: systemClock, outbound, logger: log });
    await app.listen({ port: env.PORT, host: env.HOST });
    const address = app.server.address();
    port = typeof address === "object" && address ? address.port : env.PORT;
  }

  if (env.RUN_WORKER === "1") {
    workerDb = createWorkerDatabase(database.url, env);
    worker = await startWorker({
      connectionString: database.url,
      db: workerDb,
      outbound,
      concurrency: env.WORKER_CONCURRENCY,
      log: log.child({ component: "worker" }),
      crontab: crontab({ activityRetentionMonths: env.ACTIVITY_RETENTION_MONTHS }),
    });
    worker.done.catch((err: unknown) => log.error({ err }, "job worker stopped on an error"));
  }

  log.info({ url: `http://localhost:${port}` }, `Quarry is running at http://localhost:${port}`);
}
