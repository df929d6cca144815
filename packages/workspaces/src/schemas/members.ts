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

/** A member's live API keys and open invitations: revoked with their membership. */
export const memberGrants = z.object({ apiKeys: z.number().int(), invitations: z.number().int() });
export type MemberGrants = z.infer<typeof memberGrants>;
export const memberRemovedOutput = z.object({ ok: z.literal(true), revoked: memberGrants });

export const previewMemberRemovalInput = z.object({ id: idSchema });
export type PreviewMemberRemovalInput = z.infer<typeof previewMemberRemovalInput>;
