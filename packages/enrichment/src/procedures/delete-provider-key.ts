import { workspaceProcedure } from "@quarry/trpc/procedures";
import { deleteProviderKeyOutput, providerKeyIdInput } from "../schemas/provider-keys.ts";
import { deleteProviderKey as deleteProviderKeyService } from "../services/delete-provider-key.ts";

export const deleteProviderKey = workspaceProcedure
  .meta({ action: "providers.manage" })
  .input(providerKeyIdInput)
  .output(deleteProviderKeyOutput)
  .mutation(({ ctx, input }) => deleteProviderKeyService(ctx.svc, input));
