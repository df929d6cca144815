import type { Database } from "@quarry/db/client";
import type { Access } from "@quarry/db/service-context";
import { rolesOfUser } from "../queries/memberships.queries.ts";
import { workspaceAccess } from "./access.ts";

/** The column the server adds to the session lookup: the signed-in user's roles (see rolesOfUser). */
export const sessionRoles = rolesOfUser;

/**
 * Access for one request whose session lookup also read the user's roles (`roles`, from
 * sessionRoles): the signed-in user's role in a workspace is answered from them, read in the same
 * statement as the session at the start of this request. Anything else — another user, a
 * transaction, a workspace not among them (not a member, or beyond the roles that came along) —
 * asks the database as before.
 */
export function requestAccess(db: Database, userId: string, roles: Record<string, string> | null): Access {
  return {
    can: workspaceAccess.can,
    roleIn(onDb, workspaceId, forUser) {
      const mine = onDb === db && forUser === userId && roles !== null && Object.hasOwn(roles, workspaceId);
      const role = mine ? roles[workspaceId] : undefined;
      return role ? Promise.resolve(role) : workspaceAccess.roleIn(onDb, workspaceId, forUser);
    },
  };
}
