import { idSchema } from "@quarry/core/ids";
import { emailSchema } from "@quarry/core/schemas";
import { z } from "zod";
import { roleSchema } from "./roles.ts";

export const invitationStatuses = ["pending", "expired", "used", "revoked"] as const;
export const invitationStatusSchema = z.enum(invitationStatuses);
export type InvitationStatus = z.infer<typeof invitationStatusSchema>;

export const createInvitationInput = z.object({ email: emailSchema, role: roleSchema });
export type CreateInvitationInput = z.infer<typeof createInvitationInput>;

export const deleteInvitationInput = z.object({ id: idSchema });
export type DeleteInvitationInput = z.infer<typeof deleteInvitationInput>;

/** The token from the `/invite/<token>` link. */
export const invitationTokenInput = z.object({
  token: z.string().trim().min(1, { message: "is required" }).max(200),
});
export type InvitationTokenInput = z.infer<typeof invitationTokenInput>;

export const createdInvitation = z.object({
  id: z.string(),
  email: z.string(),
  role: roleSchema,
  expiresAt: z.string(),
});

export const invitationListItem = z.object({
  id: z.string(),
  email: z.string(),
  role: roleSchema,
  /** The inviter's name; null once their account is gone. */
  invitedBy: z.string().nullable(),
  expiresAt: z.string(),
  createdAt: z.string(),
  status: invitationStatusSchema,
});
export const invitationListOutput = z.object({ items: z.array(invitationListItem) });

export const invitationPreview = z.object({
  workspaceName: z.string(),
  email: z.string(),
  role: roleSchema,
  invitedBy: z.string().nullable(),
  status: invitationStatusSchema,
});

export const acceptedInvitation = z.object({ workspaceId: z.string(), role: roleSchema });
