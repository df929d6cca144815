import { router } from "@quarry/trpc/init";
import { getBalanceProcedure } from "./procedures/get-balance.ts";
import { getCreditSettingsProcedure } from "./procedures/get-credit-settings.ts";
import { listEntriesProcedure } from "./procedures/list-entries.ts";
import { updateCreditSettingsProcedure } from "./procedures/update-credit-settings.ts";

export const creditsRouter = router({
  balance: router({ get: getBalanceProcedure }),
  entries: router({ list: listEntriesProcedure }),
  settings: router({ get: getCreditSettingsProcedure, update: updateCreditSettingsProcedure }),
});
