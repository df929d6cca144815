import { publicProcedure } from "@quarry/trpc/procedures";
import { okOutput } from "../schemas/auth.ts";
import { passwordResetRequestInput } from "../schemas/password-reset.ts";
import { requestPasswordReset } from "../services/request-password-reset.ts";

export const requestPasswordResetProcedure = publicProcedure
  .meta({ action: "public" })
  .input(passwordResetRequestInput)
  .output(okOutput)
  .mutation(({ ctx, input }) => requestPasswordReset(ctx, input));
