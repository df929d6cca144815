import { permissionsBeyond, type Role } from "../permissions.ts";

/** "You cannot invite someone as billing_admin: it can credits.manage, billing.manage, which your role cannot." */
export function refusedGrant(what: string, granter: Role, role: Role): string {
  const beyond = permissionsBeyond(granter, role);
  if (beyond.length === 0) return `You cannot ${what}: your role does not manage members.`;
  return `You cannot ${what}: it can ${beyond.join(", ")}, which your role cannot.`;
}
