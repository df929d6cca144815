import { workspaceProcedure } from "@quarry/trpc/procedures";
import { actionMeta } from "@quarry/workspaces/permissions";
import { enrichmentSettingsSchema } from "../schemas/settings.ts";
import { defaultDeps } from "../services/default-deps.ts";
import { getEnrichmentSettings } from "../services/settings.ts";

export const getSettingsProcedure = workspaceProcedure
  .meta(actionMeta("enrichment.read"))
  .output(enrichmentSettingsSchema)
  .query(({ ctx }) => getEnrichmentSettings(ctx.svc, defaultDeps(ctx.outbound)));
