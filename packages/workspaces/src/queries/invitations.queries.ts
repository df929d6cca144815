import type { Database } from "@quarry/db/client";

export async function insertInvitation(
  db: Database,
  workspaceId: string,
  values: { email: string; role: string; tokenHash: string; invitedBy: string; expiresAt: Date },
) {
  return db
    .insertInto("invitations")
    .values({
      workspace_id: workspaceId,
      email: values.email,
      role: values.role,
      token_hash: values.tokenHash,
      invited_by: values.invitedBy,
      expires_at: values.expiresAt,
    })
    .returning(["id", "email", "role", "expires_at"])
    .executeTakeFirstOrThrow();
}

/** Revokes every invitation to this address that was neither accepted nor revoked yet. */
export async function revokeOpenInvitationsTo(db: Database, workspaceId: string, email: string, at: Date) {
  await db
    .updateTable("invitations")
    .set({ revoked_at: at })
    .where("workspace_id", "=", workspaceId)
    .where("email", "=", email)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .execute();
}

export async function listInvitations(db: Database, workspaceId: string) {
  return db
    .selectFrom("invitations as i")
    .leftJoin("users as u", "u.id", "i.invited_by")
    .select([
      "i.id",
      "i.email",
      "i.role",
      "u.name as inviter_name",
      "i.expires_at",
      "i.created_at",
      "i.accepted_at",
      "i.revoked_at",
    ])
    .where("i.workspace_id", "=", workspaceId)
    .orderBy("i.created_at", "desc")
    .orderBy("i.id")
    .execute();
}

export async function findInvitation(db: Database, workspaceId: string, id: string) {
  return db
    .selectFrom("invitations")
    .select(["id", "accepted_at", "revoked_at"])
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .executeTakeFirst();
}

/** Revokes one open invitation; undefined when there is none with that id in the workspace. */
export async function revokeInvitation(db: Database, workspaceId: string, id: string, at: Date) {
  return db
    .updateTable("invitations")
    .set({ revoked_at: at })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .returning("id")
    .executeTakeFirst();
}

/**
 * The invitation a link's token belongs to, with its workspace's name and the inviter's name.
 * The token is the only key a link carries, so this lookup alone is not scoped by a workspace id.
 */
export async function findInvitationByTokenHash(db: Database, tokenHash: string) {
  return db
    .selectFrom("invitations as i")
    .innerJoin("workspaces as w", "w.id", "i.workspace_id")
    .leftJoin("users as u", "u.id", "i.invited_by")
    .select([
      "i.id",
      "i.workspace_id",
      "w.name as workspace_name",
      "i.email",
      "i.role",
      "u.name as inviter_name",
      "i.expires_at",
      "i.accepted_at",
      "i.revoked_at",
    ])
    .where("i.token_hash", "=", tokenHash)
    .executeTakeFirst();
}

/**
 * Marks a pending invitation accepted. Of concurrent attempts only one gets the row back: the
 * others wait on the row lock and then find `accepted_at` set.
 */
export async function markInvitationAccepted(
  db: Database,
  workspaceId: string,
  id: string,
  userId: string,
  at: Date,
) {
  return db
    .updateTable("invitations")
    .set({ accepted_at: at, accepted_by: userId })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", at)
    .returning(["id", "role"])
    .executeTakeFirst();
}

/** Revokes every invitation `userId` sent in the workspace that is not accepted yet; how many were still open at `at`. */
export async function revokeInvitationsSentBy(db: Database, workspaceId: string, userId: string, at: Date) {
  const rows = await db
    .updateTable("invitations")
    .set({ revoked_at: at })
    .where("workspace_id", "=", workspaceId)
    .where("invited_by", "=", userId)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .returning("expires_at")
    .execute();
  return rows.filter((r) => r.expires_at > at).length;
}

/** How many invitations `userId` sent in the workspace are still open (unaccepted, unrevoked, unexpired) at `now`. */
export async function countOpenInvitationsSentBy(
  db: Database,
  workspaceId: string,
  userId: string,
  now: Date,
) {
  const row = await db
    .selectFrom("invitations")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("workspace_id", "=", workspaceId)
    .where("invited_by", "=", userId)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .where("expires_at", ">", now)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
