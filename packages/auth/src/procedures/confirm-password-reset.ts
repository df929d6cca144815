import { publicProcedure } from "@quarry/trpc/procedures";
import { okOutput } from "../schemas/auth.ts";
import { passwordResetConfirmInput } from "../schemas/password-reset.ts";
import { confirmPasswordReset } from "../services/confirm-password-reset.ts";

export const confirmPasswordResetProcedure = publicProcedure
  .meta({ action: "public" })
  .input(passwordResetConfirmInput)
  .output(okOutput)
  .mutation(({ ctx, input }) => confirmPasswordReset(ctx, input));
