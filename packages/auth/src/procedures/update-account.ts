import { authedProcedure } from "@quarry/trpc/procedures";
import { signedInOutput, updateAccountInput } from "../schemas/auth.ts";
import { updateAccount } from "../services/update-account.ts";

export const updateAccountProcedure = authedProcedure
  .meta({ action: "account" })
  .input(updateAccountInput)
  .output(signedInOutput)
  .mutation(({ ctx, input }) => updateAccount(ctx.svc, input));
