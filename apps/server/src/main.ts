import { systemClock } from "@quarry/core/clock";
import { parseEnv } from "@quarry/core/env";
import { createDb, type Database } from "@quarry/db/client";
import { migrateToLatest } from "@quarry/db/migrate";
import type { ResolvedDatabase } from "@quarry/db/resolve-database";
import { crontab } from "@quarry/jobs/crontab";
import { startEmbeddedDatabase } from "@quarry/jobs/embedded-database";
import { onShutdownSignal } from "@quarry/jobs/shutdown-signals";
import { startWorker, type WorkerHandle } from "@quarry/jobs/worker";
import { configureMailTransport } from "@quarry/mail/services/transport";
import type { FastifyInstance } from "fastify";
import { buildApp } from "./app.ts";
import { createLogger } from "./logger.ts";

/**
 * `npm start`: database (DATABASE_URL, or embedded PostgreSQL under QUARRY_DATA_DIR), migrations,
 * HTTP on PORT, and the job worker in the same process (RUN_WORKER=0 leaves jobs to `npm run worker`).
 * SIGINT/SIGTERM: stop accepting, drain requests and let running jobs finish, then close the database.
 */
const DRAIN_TIMEOUT_MS = 10_000;

const env = parseEnv();
const log = createLogger(env);
let database: ResolvedDatabase | undefined;
let db: Database | undefined;
let app: FastifyInstance | undefined;
let worker: WorkerHandle | undefined;

onShutdownSignal(log, async () => {
  await Promise.all([app && drain(app), worker?.stop()]);
  await db?.destroy();
  await database?.stop();
});

async function drain(server: FastifyInstance): Promise<void> {
  // In-flight requests finish; long-lived ones (SSE) are cut after the drain timeout.
  const timer = setTimeout(() => server.server.closeAllConnections(), DRAIN_TIMEOUT_MS);
  await server.close();
  clearTimeout(timer);
}

configureMailTransport({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM });
database = env.DATABASE_URL
  ? { url: env.DATABASE_URL, embedded: false, stop: async () => {} }
  : await startEmbeddedDatabase(env.QUARRY_DATA_DIR);
if (database.embedded) log.info({ dataDir: env.QUARRY_DATA_DIR }, "embedded PostgreSQL running");

const { applied } = await migrateToLatest(database.url);
if (applied.length) log.info({ applied }, "migrations applied");

db = createDb(database.url, { max: 20 });
app = buildApp({ db, env, clock: systemClock, logger: log });
await app.listen({ port: env.PORT, host: env.HOST });

if (env.RUN_WORKER === "1") {
  worker = await startWorker({
    connectionString: database.url,
    db,
    concurrency: env.WORKER_CONCURRENCY,
    log: log.child({ component: "worker" }),
    crontab: crontab({ activityRetentionMonths: env.ACTIVITY_RETENTION_MONTHS }),
  });
  worker.done.catch((err: unknown) => log.error({ err }, "job worker stopped on an error"));
}

const address = app.server.address();
const port = typeof address === "object" && address ? address.port : env.PORT;
log.info({ url: `http://localhost:${port}` }, `Quarry is running at http://localhost:${port}`);
