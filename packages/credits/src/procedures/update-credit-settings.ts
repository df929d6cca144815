import { workspaceProcedure } from "@quarry/trpc/procedures";
import { actionMeta } from "@quarry/workspaces/permissions";
import { creditSettings, updateCreditSettingsInput } from "../schemas/settings.ts";
import { updateCreditSettings } from "../services/update-credit-settings.ts";

export const updateCreditSettingsProcedure = workspaceProcedure
  .meta(actionMeta("credits.manage"))
  .input(updateCreditSettingsInput)
  .output(creditSettings)
  .mutation(({ ctx, input }) => updateCreditSettings(ctx.svc, input));
