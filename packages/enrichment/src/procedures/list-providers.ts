import { workspaceProcedure } from "@quarry/trpc/procedures";
import { actionMeta } from "@quarry/workspaces/permissions";
import { listProvidersOutput } from "../schemas/providers.ts";
import { defaultDeps } from "../services/default-deps.ts";
import { listProviders } from "../services/list-providers.ts";

export const listProvidersProcedure = workspaceProcedure
  .meta(actionMeta("enrichment.read"))
  .output(listProvidersOutput)
  .query(({ ctx }) => listProviders(ctx.svc, defaultDeps(ctx.outbound)));
