import { router } from "@quarry/trpc/init";
import { deleteProviderKey } from "./procedures/delete-provider-key.ts";
import { listProviderKeys } from "./procedures/list-provider-keys.ts";
import { setProviderKey } from "./procedures/set-provider-key.ts";
import { testProviderKey } from "./procedures/test-provider-key.ts";

/** enrichment.providerKeys.*: mounted by router.ts as `providerKeys: providerKeysRouter`. */
export const providerKeysRouter = router({
  list: listProviderKeys,
  set: setProviderKey,
  delete: deleteProviderKey,
  test: testProviderKey,
});
