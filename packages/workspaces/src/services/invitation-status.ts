import type { InvitationStatus } from "../schemas/invitations.ts";

/** Where an invitation stands at `now`: used and revoked are final; otherwise it expires at `expires_at`. */
export function invitationStatus(
  invitation: { accepted_at: Date | null; revoked_at: Date | null; expires_at: Date },
  now: Date,
): InvitationStatus {
  if (invitation.accepted_at) return "used";
  if (invitation.revoked_at) return "revoked";
  if (invitation.expires_at.getTime() <= now.getTime()) return "expired";
  return "pending";
}
