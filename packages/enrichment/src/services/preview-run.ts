import { getBalance } from "@quarry/credits/services/get-balance";
import type { ServiceCtx } from "@quarry/db/service-context";
import { findTestMode } from "../queries/settings.queries.ts";
import type { PreviewRunInput, RunEstimate } from "../schemas/runs.ts";
import type { EnrichmentDeps } from "./deps.ts";
import { estimateRun } from "./estimate-run.ts";
import { checkFields, resolveSelection } from "./run-selection.ts";

/**
 * What a run would cost before it starts: expected and worst case, per field and provider, and
 * against the balance only for a caller who may read it (`canReadBalance`: credits.read) — a
 * viewer previews the cost, not the workspace's credits.
 */
export async function previewRun(
  ctx: ServiceCtx,
  deps: EnrichmentDeps,
  input: PreviewRunInput,
  opts: { canReadBalance: boolean },
): Promise<RunEstimate> {
  const fields = checkFields(deps, input.entity, input.fields);
  const { records, truncated } = await resolveSelection(ctx, input.entity, input.selection);
  const available = opts.canReadBalance ? (await getBalance(ctx)).available : null;
  const testMode = await findTestMode(ctx.db, ctx.workspaceId);
  return estimateRun(ctx.db, deps, ctx.workspaceId, { ...input, fields, testMode }, records, {
    truncated,
    available,
  });
}
