import { workspaceProcedure } from "@quarry/trpc/procedures";
import { actionMeta } from "@quarry/workspaces/permissions";
import { balanceOutput } from "../schemas/balance.ts";
import { getBalance } from "../services/get-balance.ts";

export const getBalanceProcedure = workspaceProcedure
  .meta(actionMeta("credits.read"))
  .output(balanceOutput)
  .query(({ ctx }) => getBalance(ctx.svc));
