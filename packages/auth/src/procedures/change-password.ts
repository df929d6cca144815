import { authedProcedure } from "@quarry/trpc/procedures";
import { changePasswordInput, okOutput } from "../schemas/auth.ts";
import { changePassword } from "../services/change-password.ts";

export const changePasswordProcedure = authedProcedure
  .meta({ action: "account" })
  .input(changePasswordInput)
  .output(okOutput)
  .mutation(({ ctx, input }) =>
    changePassword(ctx.svc, { ...input, currentSessionId: ctx.session.id, client: ctx.req }),
  );
