import { workspaceProcedure } from "@quarry/trpc/procedures";
import { recordSettingsSchema, updateRecordSettingsInput } from "../schemas/settings.ts";
import { updateRecordSettings } from "../services/record-settings.ts";

/** A workspace setting: changed by those who manage the workspace. */
export const updateRecordSettingsProcedure = workspaceProcedure
  .meta({ action: "workspace.update" })
  .input(updateRecordSettingsInput)
  .output(recordSettingsSchema)
  .mutation(({ ctx, input }) => updateRecordSettings(ctx.svc, input));
