import { workspaceProcedure } from "@quarry/trpc/procedures";
import { actionMeta } from "@quarry/workspaces/permissions";
import { enrichmentSettingsSchema, updateSettingsInput } from "../schemas/settings.ts";
import { defaultDeps } from "../services/default-deps.ts";
import { updateEnrichmentSettings } from "../services/settings.ts";

export const updateSettingsProcedure = workspaceProcedure
  .meta(actionMeta("providers.manage"))
  .input(updateSettingsInput)
  .output(enrichmentSettingsSchema)
  .mutation(({ ctx, input }) => updateEnrichmentSettings(ctx.svc, defaultDeps(ctx.outbound), input));
