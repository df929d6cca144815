import { router } from "@quarry/trpc/init";
import { cancelRunProcedure } from "./procedures/cancel-run.ts";
import { createRunProcedure } from "./procedures/create-run.ts";
import { getOnboardingProcedure } from "./procedures/get-onboarding.ts";
import { getRunProcedure } from "./procedures/get-run.ts";
import { getSettingsProcedure } from "./procedures/get-settings.ts";
import { listProvidersProcedure } from "./procedures/list-providers.ts";
import { listRunsProcedure } from "./procedures/list-runs.ts";
import { previewRunProcedure } from "./procedures/preview-run.ts";
import { updateSettingsProcedure } from "./procedures/update-settings.ts";
import { watchRunProcedure } from "./procedures/watch-run.ts";
import { providerKeysRouter } from "./provider-keys-router.ts";

export const enrichmentRouter = router({
  runs: router({
    preview: previewRunProcedure,
    create: createRunProcedure,
    get: getRunProcedure,
    list: listRunsProcedure,
    cancel: cancelRunProcedure,
    watch: watchRunProcedure,
  }),
  settings: router({ get: getSettingsProcedure, update: updateSettingsProcedure }),
  providers: router({ list: listProvidersProcedure }),
  providerKeys: providerKeysRouter,
  onboarding: router({ get: getOnboardingProcedure }),
});
