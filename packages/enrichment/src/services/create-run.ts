import { badInput } from "@quarry/core/app-error";
import { actorUserId } from "@quarry/core/service-context";
import { getBalance } from "@quarry/credits/services/get-balance";
import type { ServiceCtx } from "@quarry/db/service-context";
import { withTx } from "@quarry/db/with-tx";
import { insertItems, type NewItem } from "../queries/run-items.queries.ts";
import { insertRun } from "../queries/runs.queries.ts";
import { findTestMode } from "../queries/settings.queries.ts";
import type { CreateRunInput, Run } from "../schemas/runs.ts";
import { batchJobKey, runBatchTask } from "../tasks/run-batch.task.ts";
import type { EnrichmentDeps } from "./deps.ts";
import { estimateRun, skipReason } from "./estimate-run.ts";
import { finishRunIfDone } from "./finish-run.ts";
import { getRun, RUNNER_ACCESS } from "./get-run.ts";
import { nothingToFill } from "./nothing-to-fill.ts";
import { checkFields, resolveSelection } from "./run-selection.ts";

/**
 * Starts a run: snapshots the selected records into (record, field) items — fields that already
 * hold a value are recorded as skipped with the reason unless `overwrite` — and enqueues one job
 * per batch of records in the same transaction, so the run exists with its jobs or not at all.
 * A run that could fill nothing (no enabled provider for its fields, or none able to look its
 * records up, or nothing empty to fill) is refused with the reason. A run started in test mode is
 * a test run: it keeps the test waterfalls (built-ins, then the sandbox) to its end.
 */
export async function createRun(ctx: ServiceCtx, deps: EnrichmentDeps, input: CreateRunInput): Promise<Run> {
  const fields = checkFields(deps, input.entity, input.fields);
  const { records, truncated } = await resolveSelection(ctx, input.entity, input.selection);
  if (records.length === 0) throw badInput("selection", "selection matches no records");
  const { available } = await getBalance(ctx);
  const testMode = await findTestMode(ctx.db, ctx.workspaceId);
  const estimate = await estimateRun(ctx.db, deps, ctx.workspaceId, { ...input, fields, testMode }, records, {
    truncated,
    available,
  });
  const refusal = nothingToFill(estimate, testMode);
  if (refusal) throw refusal;
  const size = deps.timing.batchRecords;
  const items: NewItem[] = [];
  const batches = new Set<number>();
  records.forEach((record, index) => {
    const batch = Math.floor(index / size);
    for (const field of fields) {
      const reason = skipReason(record, field, input.overwrite);
      items.push({
        recordId: record.id,
        field,
        batch,
        status: reason ? "skipped" : "pending",
        error: reason,
      });
      if (!reason) batches.add(batch);
    }
  });
  const runId = await withTx(ctx.db, async (db) => {
    const run = await insertRun(db, {
      workspaceId: ctx.workspaceId,
      entity: input.entity,
      fields,
      overwrite: input.overwrite,
      testMode,
      selection: input.selection,
      recordCount: records.length,
      batchCount: Math.ceil(records.length / size),
      estimate,
      createdBy: actorUserId(ctx.actor),
    });
    await insertItems(db, ctx.workspaceId, run.id, items);
    for (const batch of batches) {
      await runBatchTask.enqueue(
        db,
        { workspaceId: ctx.workspaceId, runId: run.id, batch },
        { jobKey: batchJobKey(run.id, batch), maxAttempts: 25 },
      );
    }
    if (batches.size === 0) await finishRunIfDone(db, ctx.workspaceId, run.id);
    return run.id;
  });
  ctx.log.info({ runId, records: records.length, items: items.length, testMode }, "enrichment run created");
  return getRun(ctx, runId, RUNNER_ACCESS);
}
