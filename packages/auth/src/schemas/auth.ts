import { emailSchema, nameSchema, passwordSchema } from "@quarry/core/schemas";
import { z } from "zod";
import { newPasswordSchema } from "./password.ts";

export const userOutput = z.object({ id: z.string(), email: z.string(), name: z.string() });

export const signUpInput = z.object({ email: emailSchema, password: newPasswordSchema, name: nameSchema });
export type SignUpInput = z.infer<typeof signUpInput>;

export const signInInput = z.object({ email: emailSchema, password: passwordSchema });
export type SignInInput = z.infer<typeof signInInput>;

export const signedInOutput = z.object({ user: userOutput });
export const meOutput = signedInOutput.nullable();

export const emptyInput = z.object({});
export const okOutput = z.object({ ok: z.literal(true) });

export const updateAccountInput = z.object({ data: z.object({ name: nameSchema }) });
export type UpdateAccountInput = z.infer<typeof updateAccountInput>;

export const changePasswordInput = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: newPasswordSchema,
});
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;
