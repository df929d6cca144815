import { workspaceProcedure } from "@quarry/trpc/procedures";
import { actionMeta } from "../permissions.ts";
import { createApiKeyInput, createdApiKey } from "../schemas/api-keys.ts";
import { createApiKey } from "../services/create-api-key.ts";

export const createApiKeyProcedure = workspaceProcedure
  .meta(actionMeta("apikeys.manage"))
  .input(createApiKeyInput)
  .output(createdApiKey)
  .mutation(({ ctx, input }) => createApiKey(ctx.svc, input));
