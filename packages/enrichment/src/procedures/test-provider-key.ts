import { workspaceProcedure } from "@quarry/trpc/procedures";
import { providerKeyIdInput, testProviderKeyOutput } from "../schemas/provider-keys.ts";
import { testProviderKey as testProviderKeyService } from "../services/test-provider-key.ts";

export const testProviderKey = workspaceProcedure
  .meta({ action: "providers.manage" })
  .input(providerKeyIdInput)
  .output(testProviderKeyOutput)
  .mutation(({ ctx, input }) => testProviderKeyService(ctx.svc, ctx.outbound, input));
