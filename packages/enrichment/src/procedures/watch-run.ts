import { workspaceProcedure } from "@quarry/trpc/procedures";
import { actionMeta, can } from "@quarry/workspaces/permissions";
import { runIdInput } from "../schemas/runs.ts";
import { getRun } from "../services/get-run.ts";
import { watchRun } from "../services/watch-run.ts";

/**
 * Live progress over SSE. tRPC cannot run an output parser on a stream, so each snapshot is the
 * same `runSchema` shape `runs.get` returns (built by the same service, hiding the balance from
 * a caller who may not read credits the same way). NOT_FOUND up front for a run that is not this
 * workspace's.
 */
export const watchRunProcedure = workspaceProcedure
  .meta(actionMeta("enrichment.read"))
  .input(runIdInput)
  .subscription(async ({ ctx, input, signal }) => {
    const access = { canReadBalance: can(ctx.role, "credits.read") };
    await getRun(ctx.svc, input.id, access);
    return watchRun(ctx.svc, input.id, { ...access, signal });
  });
