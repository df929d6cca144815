/**
 * A real worker process for the crash test: `node worker-process.ts <databaseUrl>`. Recovers
 * stale claims as a worker does at start, then runs graphile-worker with the enrichment tasks over
 * the fault-test provider until it is killed.
 */
import { silentLogger } from "@quarry/core/logger";
import { testOutbound } from "@quarry/core/testing/test-outbound";
import { createDb } from "@quarry/db/client";
import { toWorkerTaskList } from "@quarry/queue/define-task";
import { Logger, run } from "graphile-worker";
import { reapStaleClaims } from "../services/reap-stale-claims.ts";
import { enrichmentTasks } from "../tasks/index.ts";
import { batchJobKey, runBatchTask } from "../tasks/run-batch.task.ts";
import { faultProviders } from "./fault-providers.ts";
import { testDeps } from "./test-providers.ts";

const url = process.argv[2];
if (!url) throw new Error("usage: worker-process.ts <databaseUrl>");
const db = createDb(url, { max: 8 });
const deps = testDeps(faultProviders(), { staleAfterMs: 1500, heartbeatMs: 200 });
await reapStaleClaims(db, {
  staleAfterMs: deps.timing.staleAfterMs,
  log: silentLogger,
  requeue: (trx, p, runAt) =>
    runBatchTask.enqueue(trx, p, { jobKey: batchJobKey(p.runId, p.batch), runAt, maxAttempts: 25 }),
});
await run({
  connectionString: url,
  concurrency: 4,
  noHandleSignals: true,
  pollInterval: 100,
  taskList: toWorkerTaskList(enrichmentTasks(deps), db, testOutbound),
  logger: new Logger(() => () => {}),
});
process.stdout.write("ready\n");
