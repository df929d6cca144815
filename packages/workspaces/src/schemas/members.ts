import { idSchema } from "@quarry/core/ids";
import { z } from "zod";
import { roleSchema } from "./roles.ts";

export const updateMemberInput = z.object({ id: idSchema, data: z.object({ role: roleSchema }) });
export type UpdateMemberInput = z.infer<typeof updateMemberInput>;

export const deleteMemberInput = z.object({ id: idSchema });
export type DeleteMemberInput = z.infer<typeof deleteMemberInput>;

export const member = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  joinedAt: z.string(),
});
export type Member = z.infer<typeof member>;
export const memberListOutput = z.object({ items: z.array(member) });

export const updateMemberOutput = z.object({ userId: z.string(), role: roleSchema });
