import { workspaceProcedure } from "@quarry/trpc/procedures";
import { listProviderKeysOutput } from "../schemas/provider-keys.ts";
import { listProviderKeys as listProviderKeysService } from "../services/list-provider-keys.ts";

export const listProviderKeys = workspaceProcedure
  .meta({ action: "enrichment.read" })
  .output(listProviderKeysOutput)
  .query(({ ctx }) => listProviderKeysService(ctx.svc));
