import { workspaceProcedure } from "@quarry/trpc/procedures";
import { providerKeySchema, setProviderKeyInput } from "../schemas/provider-keys.ts";
import { setProviderKey as setProviderKeyService } from "../services/set-provider-key.ts";

export const setProviderKey = workspaceProcedure
  .meta({ action: "providers.manage" })
  .input(setProviderKeyInput)
  .output(providerKeySchema)
  .mutation(({ ctx, input }) => setProviderKeyService(ctx.svc, ctx.outbound, input));
