import { workspaceProcedure } from "@quarry/trpc/procedures";
import { actionMeta } from "../permissions.ts";
import { apiKeyListOutput } from "../schemas/api-keys.ts";
import { listApiKeys } from "../services/list-api-keys.ts";

export const listApiKeysProcedure = workspaceProcedure
  .meta(actionMeta("apikeys.manage"))
  .output(apiKeyListOutput)
  .query(({ ctx }) => listApiKeys(ctx.svc));
