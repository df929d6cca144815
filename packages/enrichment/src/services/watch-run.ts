import { notFound } from "@quarry/core/app-error";
import type { ServiceCtx } from "@quarry/db/service-context";
import { findRunProgress } from "../queries/runs.queries.ts";
import type { Run } from "../schemas/runs.ts";
import { type BalanceAccess, getRun } from "./get-run.ts";
import { sleep } from "./sleep.ts";

const finished = new Set(["cancelled", "completed", "failed", "stopped"]);

/**
 * Live progress for the browser (a tRPC subscription over SSE): yields the run now, then again
 * whenever its progress changed, polling every `intervalMs`; ends after the run finishes or when
 * the client goes away (`signal`). Each poll reads only the run's progress (status and items per
 * status, one statement); the full run (per field, per provider, credits, reasons) is loaded only
 * when that changed, so an idle or slow run costs its watchers one small read per poll. The
 * balance in its estimate shows only with `canReadBalance`, as in getRun.
 */
export async function* watchRun(
  ctx: ServiceCtx,
  id: string,
  opts: Partial<BalanceAccess> & { intervalMs?: number; signal?: AbortSignal | undefined } = {},
): AsyncGenerator<Run> {
  const interval = opts.intervalMs ?? 500;
  const access: BalanceAccess = { canReadBalance: opts.canReadBalance ?? false };
  let last = "";
  for (;;) {
    const progress = await findRunProgress(ctx.db, ctx.workspaceId, id);
    if (!progress) throw notFound("Enrichment run");
    const mark = JSON.stringify(progress);
    if (mark !== last) {
      last = mark;
      yield await getRun(ctx, id, access);
    }
    if (finished.has(progress.status) || opts.signal?.aborted) return;
    await sleep(interval, opts.signal);
    if (opts.signal?.aborted) return;
  }
}
