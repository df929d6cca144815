import type { AnyTask } from "@quarry/queue/define-task";
import type { EnrichmentDeps } from "../services/deps.ts";
import { maintainLookupPartitionsTask } from "./maintain-lookup-partitions.task.ts";
import { reapStaleClaimsTask } from "./reap-stale-claims.task.ts";
import { reencryptProviderKeysTask } from "./reencrypt-provider-keys.task.ts";
import { makeRunBatchTask, runBatchTask } from "./run-batch.task.ts";

export const tasks: AnyTask[] = [
  runBatchTask,
  reapStaleClaimsTask,
  maintainLookupPartitionsTask,
  reencryptProviderKeysTask,
];

/** The same tasks with other deps for enrichment/run-batch (tests: their own providers and timing). */
export function enrichmentTasks(deps: EnrichmentDeps): AnyTask[] {
  return tasks.map((t) => (t.name === runBatchTask.name ? makeRunBatchTask(() => deps) : t));
}
