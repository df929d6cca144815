import { canGrant, isRole, roles } from "@quarry/workspaces/permissions";
import { roleLabel } from "../hooks/workspace-context.ts";

/** The roles `granter` may hand out, as select options. */
export function grantableRoles(granter: string, include?: string) {
  return roles
    .filter((role) => role === include || (isRole(granter) && canGrant(granter, role)))
    .map((role) => ({ value: role, label: roleLabel(role) }));
}
