import { workspaceProcedure } from "@quarry/trpc/procedures";
import { actionMeta } from "@quarry/workspaces/permissions";
import { creditSettings } from "../schemas/settings.ts";
import { getCreditSettings } from "../services/get-credit-settings.ts";

export const getCreditSettingsProcedure = workspaceProcedure
  .meta(actionMeta("credits.read"))
  .output(creditSettings)
  .query(({ ctx }) => getCreditSettings(ctx.svc));
