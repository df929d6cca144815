import { publicProcedure } from "@quarry/trpc/procedures";
import { signedInOutput, signInInput } from "../schemas/auth.ts";
import { signIn } from "../services/sign-in.ts";
import { SESSION_COOKIE } from "../services/validate-session.ts";

export const signInProcedure = publicProcedure
  .meta({ action: "public" })
  .input(signInInput)
  .output(signedInOutput)
  .mutation(async ({ ctx, input }) => {
    const { user, session } = await signIn(ctx, { ...input, client: ctx.req });
    ctx.cookies.set(SESSION_COOKIE, session.token, { expires: session.expiresAt });
    return { user };
  });
