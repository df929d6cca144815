import { workspaceProcedure } from "@quarry/trpc/procedures";
import { recordSettingsSchema } from "../schemas/settings.ts";
import { getRecordSettings } from "../services/record-settings.ts";

export const getRecordSettingsProcedure = workspaceProcedure
  .meta({ action: "records.read" })
  .output(recordSettingsSchema)
  .query(({ ctx }) => getRecordSettings(ctx.svc));
