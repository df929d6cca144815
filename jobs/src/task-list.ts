import { tasks as authTasks } from "@quarry/auth/tasks";
import { tasks as billingTasks } from "@quarry/billing/tasks";
import type { Outbound } from "@quarry/core/outbound";
import { tasks as creditsTasks } from "@quarry/credits/tasks";
import type { Database } from "@quarry/db/client";
import { tasks as enrichmentTasks } from "@quarry/enrichment/tasks";
import { tasks as mailTasks } from "@quarry/mail/tasks";
import { type AnyTask, toWorkerTaskList } from "@quarry/queue/define-task";
import { tasks as recordsTasks } from "@quarry/records/tasks";
import { tasks as restTasks } from "@quarry/rest/tasks";
import { tasks as workspacesTasks } from "@quarry/workspaces/tasks";
import type { TaskList } from "graphile-worker";

/** Every task of every domain: the one list the worker runs. A domain adds a task by exporting it. */
export const allTasks: readonly AnyTask[] = [
  ...mailTasks,
  ...authTasks,
  ...workspacesTasks,
  ...recordsTasks,
  ...creditsTasks,
  ...enrichmentTasks,
  ...restTasks,
  ...billingTasks,
];

/** graphile-worker's task list; throws on a duplicate name. */
export function workerTaskList(db: Database, outbound: Outbound): TaskList {
  return toWorkerTaskList([...allTasks], db, outbound);
}
