import { publicProcedure } from "@quarry/trpc/procedures";
import { signedInOutput, signUpInput } from "../schemas/auth.ts";
import { createAccount } from "../services/sign-up.ts";
import { SESSION_COOKIE } from "../services/validate-session.ts";

export const signUpProcedure = publicProcedure
  .meta({ action: "public" })
  .input(signUpInput)
  .output(signedInOutput)
  .mutation(async ({ ctx, input }) => {
    const { user, session, token } = await createAccount(ctx, { ...input, client: ctx.req });
    ctx.cookies.set(SESSION_COOKIE, token, { expires: session.expiresAt });
    return { user };
  });
