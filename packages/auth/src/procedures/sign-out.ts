import { authedProcedure } from "@quarry/trpc/procedures";
import { emptyInput, okOutput } from "../schemas/auth.ts";
import { signOut } from "../services/sign-out.ts";

export const signOutProcedure = authedProcedure
  .meta({ action: "account" })
  .input(emptyInput)
  .output(okOutput)
  .mutation(({ ctx }) => signOut(ctx));
