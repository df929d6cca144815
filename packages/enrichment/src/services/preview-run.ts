import { getBalance } from "@quarry/credits/services/get-balance";
import type { PreviewRunInput, RunEstimate } from "../schemas/runs.ts";
import type { EnrichmentCtx, EnrichmentDeps } from "./deps.ts";
import { estimateRun } from "./estimate-run.ts";
import { checkFields, resolveSelection } from "./run-selection.ts";

/** What a run would cost before it starts: expected and worst case, per field and provider. */
export async function previewRun(
  ctx: EnrichmentCtx,
  deps: EnrichmentDeps,
  input: PreviewRunInput,
): Promise<RunEstimate> {
  const fields = checkFields(deps, input.entity, input.fields);
  const { records, truncated } = await resolveSelection(ctx, input.entity, input.selection);
  const { available } = await getBalance(ctx.db, ctx.workspaceId);
  return estimateRun(ctx.db, deps, ctx.workspaceId, { ...input, fields }, records, { truncated, available });
}
