import type { Run } from "../schemas/runs.ts";
import type { EnrichmentCtx } from "./deps.ts";
import { getRun } from "./get-run.ts";

const finished = new Set(["cancelled", "completed", "failed", "stopped"]);

/**
 * Live progress for the browser (a tRPC subscription over SSE): yields the run now, then again
 * whenever it changed, polling every `intervalMs`; ends after the run finishes or when the
 * client goes away (`signal`).
 */
export async function* watchRun(
  ctx: EnrichmentCtx,
  id: string,
  opts: { intervalMs?: number; signal?: AbortSignal | undefined } = {},
): AsyncGenerator<Run> {
  const interval = opts.intervalMs ?? 500;
  let last = "";
  for (;;) {
    const run = await getRun(ctx, id);
    const text = JSON.stringify(run);
    if (text !== last) {
      last = text;
      yield run;
    }
    if (finished.has(run.status) || opts.signal?.aborted) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, interval);
      opts.signal?.addEventListener("abort", () => {
        clearTimeout(timer);
        resolve();
      });
    });
    if (opts.signal?.aborted) return;
  }
}
