import { workspaceProcedure } from "@quarry/trpc/procedures";
import { actionMeta } from "../permissions.ts";
import { revokeApiKeyInput } from "../schemas/api-keys.ts";
import { okOutput } from "../schemas/workspaces.ts";
import { revokeApiKey } from "../services/revoke-api-key.ts";

export const revokeApiKeyProcedure = workspaceProcedure
  .meta(actionMeta("apikeys.manage"))
  .input(revokeApiKeyInput)
  .output(okOutput)
  .mutation(({ ctx, input }) => revokeApiKey(ctx.svc, input));
