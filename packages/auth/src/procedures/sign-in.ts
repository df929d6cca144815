import { publicProcedure } from "@quarry/trpc/procedures";
import { signedInOutput, signInInput } from "../schemas/auth.ts";
import { signIn } from "../services/sign-in.ts";

export const signInProcedure = publicProcedure
  .meta({ action: "public" })
  .input(signInInput)
  .output(signedInOutput)
  .mutation(({ ctx, input }) => signIn(ctx, input));
