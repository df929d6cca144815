import { workspaceProcedure } from "@quarry/trpc/procedures";
import { deleteProviderKeyOutput, providerKeyIdInput } from "../schemas/provider-keys.ts";
import { deleteProviderKey as deleteProviderKeyService } from "../services/delete-provider-key.ts";
import { providerKeysContext } from "../services/provider-keys-context.ts";

export const deleteProviderKey = workspaceProcedure
  .meta({ action: "providers.manage" })
  .input(providerKeyIdInput)
  .output(deleteProviderKeyOutput)
  .mutation(({ ctx, input }) => deleteProviderKeyService(providerKeysContext(ctx), input));
