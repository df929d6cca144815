import type { Database } from "@quarry/db/client";
import { sql } from "kysely";

export interface QueuedJob {
  task: string;
  payload: unknown;
  key: string | null;
  runAt: Date;
}

/** Jobs waiting in graphile-worker's queue, oldest first: for tests that check what a service enqueued. */
export async function queuedJobs(db: Database, task?: string): Promise<QueuedJob[]> {
  const { rows } = await sql<QueuedJob>`
    select t.identifier as task, j.payload, j.key, j.run_at as "runAt"
    from graphile_worker._private_jobs j
    join graphile_worker._private_tasks t on t.id = j.task_id
    where ${task ?? null}::text is null or t.identifier = ${task ?? null}
    order by j.id`.execute(db);
  return rows;
}
