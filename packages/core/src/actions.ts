/**
 * The names of every action a procedure or REST route can declare. The matrix saying which role
 * may take which lives in packages/workspaces (permissions.ts, checked to cover exactly this list);
 * the names live here so packages/trpc can type `.meta()` without importing a domain.
 */
export const workspaceActions = [
  "workspace.read",
  "workspace.update",
  "workspace.delete",
  "workspace.leave",
  "members.read",
  "members.manage",
  "invitations.read",
  "invitations.manage",
  "ownership.transfer",
  "records.read",
  "records.write",
  "records.delete",
  "fields.read",
  "fields.manage",
  "credits.read",
  "credits.manage",
  "enrichment.read",
  "enrichment.run",
  "providers.manage",
  "apikeys.manage",
  "billing.read",
  "billing.manage",
] as const;
export type WorkspaceAction = (typeof workspaceActions)[number];

/** Actions that need no workspace: anyone ("public"), or any signed-in user on their own account. */
export const accountActions = ["public", "account"] as const;
export type AccountAction = (typeof accountActions)[number];

export type Action = WorkspaceAction | AccountAction;

/**
 * Workspace access as packages/trpc needs it without importing a domain (packages/workspaces
 * supplies it): who holds which role, and what a role may do. Generic over the database type
 * because core sits below db: use `Access` from `@quarry/db/service-context`.
 */
export interface AccessOf<Db> {
  roleIn(db: Db, workspaceId: string, userId: string): Promise<string | null>;
  can(role: string, action: string): boolean;
}
