import { authedProcedure } from "@quarry/trpc/procedures";
import { emptyInput, okOutput } from "../schemas/auth.ts";
import { signOut } from "../services/sign-out.ts";
import { SESSION_COOKIE } from "../services/validate-session.ts";

export const signOutProcedure = authedProcedure
  .meta({ action: "account" })
  .input(emptyInput)
  .output(okOutput)
  .mutation(async ({ ctx }) => {
    const result = await signOut(ctx.svc, { sessionId: ctx.session.id });
    ctx.cookies.clear(SESSION_COOKIE);
    return result;
  });
