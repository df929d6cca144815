import type { Database } from "@quarry/db/client";
import { countApiKeysCreatedBy, revokeApiKeysCreatedBy } from "../queries/api-keys.queries.ts";
import { countOpenInvitationsSentBy, revokeInvitationsSentBy } from "../queries/invitations.queries.ts";
import type { MemberGrants } from "../schemas/members.ts";

/**
 * A removed member must lose all access, including what they handed out: the API keys they
 * created are revoked and the invitations they sent are cancelled, in the caller's transaction
 * (the one deleting the membership), so no key outlives its creator's membership.
 */
export async function revokeMemberGrants(
  trx: Database,
  workspaceId: string,
  userId: string,
  at: Date,
): Promise<MemberGrants> {
  const apiKeys = await revokeApiKeysCreatedBy(trx, workspaceId, userId, at);
  const invitations = await revokeInvitationsSentBy(trx, workspaceId, userId, at);
  return { apiKeys, invitations };
}

/** What `revokeMemberGrants` would revoke now: for the remove-member confirmation. */
export async function countMemberGrants(
  db: Database,
  workspaceId: string,
  userId: string,
  now: Date,
): Promise<MemberGrants> {
  return {
    apiKeys: await countApiKeysCreatedBy(db, workspaceId, userId),
    invitations: await countOpenInvitationsSentBy(db, workspaceId, userId, now),
  };
}
