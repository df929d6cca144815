import { planLimits } from "@quarry/billing/services/plan-limits";
import { parseEnv } from "@quarry/core/env";
import { outboundFromEnv } from "@quarry/core/outbound";
import { createDb } from "@quarry/db/client";
import { migrateToLatest } from "@quarry/db/migrate";
import { configureMailTransport } from "@quarry/mail/services/transport";
import { pino } from "pino";
import { crontab } from "./crontab.ts";
import { exitOnStartFailure, startEmbeddedDatabase } from "./embedded-database.ts";
import { onShutdownSignal } from "./shutdown-signals.ts";
import { startWorker } from "./worker.ts";

/**
 * `npm run worker`: the job worker alone, for scaling out beside `npm start` (set RUN_WORKER=0 on
 * the API servers to keep jobs off them). Point every process at the same DATABASE_URL.
 */
const env = parseEnv();
const log = pino({ level: env.LOG_LEVEL, timestamp: pino.stdTimeFunctions.isoTime }).child({
  component: "worker",
});
const closers: Array<() => Promise<void>> = [];
onShutdownSignal(log, async () => {
  for (const close of closers.reverse()) await close();
});

configureMailTransport({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM });
// Calls made for a workspace: one secret box and one guarded fetch per process, passed to the tasks.
// The plan limits ride along, so every service context built from it enforces them.
const outbound = { ...outboundFromEnv(env), limits: planLimits };
const database = env.DATABASE_URL
  ? { url: env.DATABASE_URL, stop: async () => {} }
  : await startEmbeddedDatabase(env.QUARRY_DATA_DIR, env.QUARRY_EMBEDDED_PG_PORT).catch(exitOnStartFailure);
closers.push(() => database.stop());
await migrateToLatest(database.url);
const db = createDb(database.url, { max: env.WORKER_CONCURRENCY + 2 });
closers.push(() => db.destroy());
const worker = await startWorker({
  connectionString: database.url,
  db,
  outbound,
  concurrency: env.WORKER_CONCURRENCY,
  log,
  crontab: crontab({ activityRetentionMonths: env.ACTIVITY_RETENTION_MONTHS }),
});
closers.push(() => worker.stop());
worker.done.catch(async (err: unknown) => {
  log.error({ err }, "worker stopped on an error");
  process.exit(1);
});
