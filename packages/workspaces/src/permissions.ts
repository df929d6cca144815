/**
 * The one permission matrix: role → actions. Every workspace procedure declares one of these
 * actions in its meta and `workspaceProcedure` checks it here. Procedures outside a workspace
 * declare "public" (anyone) or "account" (any signed-in user, acting on their own account).
 */
import type { Action, WorkspaceAction } from "@quarry/core/actions";

export { type AccountAction, accountActions, type WorkspaceAction } from "@quarry/core/actions";

export const roles = ["owner", "admin", "member", "viewer", "billing_admin"] as const;
export type Role = (typeof roles)[number];

const everyone: readonly Role[] = roles;
const readers: readonly Role[] = ["owner", "admin", "member", "viewer"];
const writers: readonly Role[] = ["owner", "admin", "member"];
const managers: readonly Role[] = ["owner", "admin"];
const billing: readonly Role[] = ["owner", "billing_admin"];

export const permissionMatrix = {
  "workspace.read": everyone,
  "workspace.update": managers,
  "workspace.delete": ["owner"],
  "workspace.leave": everyone,
  "members.read": readers,
  "members.manage": managers,
  "invitations.read": managers,
  "invitations.manage": managers,
  "ownership.transfer": ["owner"],
  "records.read": readers,
  "records.write": writers,
  "records.delete": writers,
  "fields.read": readers,
  "fields.manage": managers,
  "credits.read": ["owner", "admin", "member", "billing_admin"],
  "credits.manage": billing,
  "enrichment.read": readers,
  "enrichment.run": writers,
  "providers.manage": managers,
  "apikeys.manage": managers,
  "billing.read": [...billing, "admin"],
  "billing.manage": billing,
} as const satisfies Record<WorkspaceAction, readonly Role[]>;

/**
 * What an API key may do, by scope, checked against the action each REST route declares. A key
 * belongs to its workspace, not to a person, so it never gets more than a member: `read` is the
 * `*.read` actions of the workspace's data (not invitations or billing), `read_write` adds the
 * writes a member may make. Managing the workspace, its members, keys and billing stays in the app.
 */
const keyReadActions = [
  "workspace.read",
  "members.read",
  "records.read",
  "fields.read",
  "credits.read",
  "enrichment.read",
] as const satisfies readonly WorkspaceAction[];

export const apiKeyScopeActions = {
  read: keyReadActions,
  read_write: [...keyReadActions, "records.write", "records.delete", "enrichment.run"],
} as const satisfies Record<"read" | "read_write", readonly WorkspaceAction[]>;

export type ApiKeyScopeName = keyof typeof apiKeyScopeActions;

/** Whether a key of this scope may take this action. Unknown scopes and actions may nothing. */
export function keyCan(scope: string, action: string): boolean {
  if (!Object.hasOwn(apiKeyScopeActions, scope)) return false;
  return (apiKeyScopeActions[scope as ApiKeyScopeName] as readonly string[]).includes(action);
}
export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

/** A role read back from the database (where a check constraint keeps it valid). */
export function parseRole(value: string): Role {
  if (!isRole(value)) throw new Error(`Unknown role: ${value}`);
  return value;
}

export function isWorkspaceAction(action: string): action is WorkspaceAction {
  return Object.hasOwn(permissionMatrix, action);
}

export function can(role: string, action: string): boolean {
  if (!isRole(role) || !isWorkspaceAction(action)) return false;
  return (permissionMatrix[action] as readonly Role[]).includes(role);
}

/** Every action the role allows: what the web app uses to show or hide controls. */
export function permissionsFor(role: string): WorkspaceAction[] {
  return (Object.keys(permissionMatrix) as WorkspaceAction[]).filter((action) => can(role, action));
}

/**
 * A member who manages members grants (by invitation or role change) only roles whose every
 * permission they hold themselves: an admin cannot make a billing admin (credits.manage,
 * billing.manage), and only owners grant owner. No ranking to keep in step with the matrix.
 */
export function canGrant(granter: Role, role: Role): boolean {
  if (!can(granter, "members.manage")) return false;
  return permissionsFor(role).every((action) => can(granter, action));
}

/** The permissions `role` holds that `granter` does not (what makes a grant refused). */
export function permissionsBeyond(granter: Role, role: Role): WorkspaceAction[] {
  return permissionsFor(role).filter((action) => !can(granter, action));
}

/** Whether `manager` may change the role of, or remove, a member who holds `target`: only owners touch owners. */
export function canManageMember(manager: Role, target: Role): boolean {
  if (target === "owner") return manager === "owner";
  return can(manager, "members.manage");
}

/** Typed `.meta()` for procedures: a typo in an action fails the type check instead of every call. */
export function actionMeta(action: Action): { action: Action } {
  return { action };
}

/** How the app names each role (stored as the key). */
export const roleLabels = {
  owner: "Owner",
  admin: "Admin",
  member: "Member",
  viewer: "Viewer",
  billing_admin: "Billing admin",
} as const satisfies Record<Role, string>;

/** What each action lets a person do, in the app's words: the roles page lists these per role. */
export const actionDescriptions = {
  "workspace.read": "Open the workspace",
  "workspace.update": "Rename the workspace",
  "workspace.delete": "Delete the workspace",
  "workspace.leave": "Leave the workspace",
  "members.read": "See who the members are",
  "members.manage": "Change members' roles and remove members",
  "invitations.read": "See pending invitations",
  "invitations.manage": "Invite people and revoke invitations",
  "ownership.transfer": "Hand ownership to another member",
  "records.read": "See contacts and companies",
  "records.write": "Add and edit contacts and companies",
  "records.delete": "Delete and restore contacts and companies",
  "fields.read": "See custom fields",
  "fields.manage": "Add, rename and remove custom fields",
  "credits.read": "See the credit balance and history",
  "credits.manage": "Set spend caps",
  "enrichment.read": "See enrichment runs and providers",
  "enrichment.run": "Start and stop enrichment runs",
  "providers.manage": "Connect provider keys and set the provider order",
  "apikeys.manage": "Create and revoke API keys",
  "billing.read": "See billing",
  "billing.manage": "Change the plan and payment details",
} as const satisfies Record<WorkspaceAction, string>;

/** Per role, every action it allows, described: generated from the matrix so it cannot drift. */
export function roleGuide(): {
  role: Role;
  label: string;
  allows: { action: WorkspaceAction; description: string }[];
}[] {
  return roles.map((role) => ({
    role,
    label: roleLabels[role],
    allows: permissionsFor(role).map((action) => ({ action, description: actionDescriptions[action] })),
  }));
}
