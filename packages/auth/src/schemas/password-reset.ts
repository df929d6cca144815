import { emailSchema } from "@quarry/core/schemas";
import { z } from "zod";
import { newPasswordSchema } from "./password.ts";

export const passwordResetRequestInput = z.object({ email: emailSchema });
export type PasswordResetRequestInput = z.infer<typeof passwordResetRequestInput>;

export const passwordResetConfirmInput = z.object({
  token: z.string().trim().min(1, { message: "is required" }).max(200),
  password: newPasswordSchema,
});
export type PasswordResetConfirmInput = z.infer<typeof passwordResetConfirmInput>;
