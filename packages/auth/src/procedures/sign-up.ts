import { publicProcedure } from "@quarry/trpc/procedures";
import { signedInOutput, signUpInput } from "../schemas/auth.ts";
import { signUp } from "../services/sign-up.ts";

export const signUpProcedure = publicProcedure
  .meta({ action: "public" })
  .input(signUpInput)
  .output(signedInOutput)
  .mutation(({ ctx, input }) => signUp(ctx, input));
