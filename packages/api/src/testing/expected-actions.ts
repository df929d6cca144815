import type { AccountAction, WorkspaceAction } from "@quarry/workspaces/permissions";

/**
 * The action each procedure must declare, written by hand from what the permission matrix is
 * for — not read from the procedures' own `.meta()`, so a wrong declaration cannot pass its own
 * test. access.int.test.ts checks every procedure's meta against this table and decides who
 * may call it from this table. A new procedure needs a line here (reviewed like a policy change).
 */
export const procedureActions: Record<string, WorkspaceAction | AccountAction> = {
  // Signing up, in and resetting a password need no account; the rest act on one's own.
  "auth.signUp": "public",
  "auth.signIn": "public",
  "auth.signOut": "account",
  "auth.me": "public",
  "auth.account.update": "account",
  "auth.password.change": "account",
  "auth.sessions.list": "account",
  "auth.sessions.revokeOthers": "account",
  "auth.passwordReset.request": "public",
  "auth.passwordReset.confirm": "public",

  "workspaces.list": "account",
  "workspaces.create": "account",
  "workspaces.get": "workspace.read",
  "workspaces.update": "workspace.update",
  "workspaces.leave": "workspace.leave",
  "workspaces.transferOwnership": "ownership.transfer",
  "workspaces.members.list": "members.read",
  "workspaces.members.update": "members.manage",
  "workspaces.members.delete": "members.manage",
  "workspaces.members.removalPreview": "members.manage",
  "workspaces.invitations.list": "invitations.read",
  "workspaces.invitations.create": "invitations.manage",
  "workspaces.invitations.delete": "invitations.manage",
  // The token is the authority: the invite page shows it before anyone signs in.
  "workspaces.invitations.preview": "public",
  "workspaces.invitations.accept": "account",
  "workspaces.apiKeys.list": "apikeys.manage",
  "workspaces.apiKeys.create": "apikeys.manage",
  "workspaces.apiKeys.revoke": "apikeys.manage",

  "records.contacts.list": "records.read",
  "records.contacts.get": "records.read",
  "records.contacts.create": "records.write",
  "records.contacts.update": "records.write",
  "records.contacts.delete": "records.delete",
  // Undoing a delete is for those who may delete.
  "records.contacts.restore": "records.delete",
  "records.companies.list": "records.read",
  "records.companies.get": "records.read",
  "records.companies.create": "records.write",
  "records.companies.update": "records.write",
  "records.companies.delete": "records.delete",
  "records.companies.restore": "records.delete",
  "records.activity.list": "records.read",
  "records.fields.list": "fields.read",
  "records.fields.create": "fields.manage",
  "records.fields.update": "fields.manage",
  "records.fields.delete": "fields.manage",
  // Whether contacts create companies is a workspace setting: for those who manage the workspace.
  "records.settings.get": "records.read",
  "records.settings.update": "workspace.update",

  // Reading credits is for those who spend them; changing caps is billing's. No procedure mints
  // credits: grants are `npm run admin -- grant-credits`.
  "credits.balance.get": "credits.read",
  "credits.entries.list": "credits.read",
  "credits.settings.get": "credits.read",
  "credits.settings.update": "credits.manage",

  // Owners, billing admins and admins see the plan; the account part only for billing.manage.
  "billing.get": "billing.read",
  // Buying a plan and the Stripe portal (card, invoices) are for those who pay.
  "billing.checkout.create": "billing.manage",
  "billing.portal.create": "billing.manage",

  // A cost preview and a run's progress are reads; starting or stopping a run spends credits.
  "enrichment.runs.preview": "enrichment.read",
  "enrichment.runs.create": "enrichment.run",
  "enrichment.runs.get": "enrichment.read",
  "enrichment.runs.list": "enrichment.read",
  "enrichment.runs.cancel": "enrichment.run",
  "enrichment.runs.watch": "enrichment.read",
  "enrichment.settings.get": "enrichment.read",
  "enrichment.settings.update": "providers.manage",
  "enrichment.providers.list": "enrichment.read",
  // The newcomer checklist: what the workspace holds, as yes/no, to anyone who may see enrichment.
  "enrichment.onboarding.get": "enrichment.read",
  // Lists which providers have a key (masked, never the secret); changing or testing one is a manager's.
  "enrichment.providerKeys.list": "enrichment.read",
  "enrichment.providerKeys.set": "providers.manage",
  "enrichment.providerKeys.delete": "providers.manage",
  "enrichment.providerKeys.test": "providers.manage",
};

// The public REST routes (/api/v1) get their own hand-written table beside this one
// (`restRoutes`: method and path → action), checked the same way by their access test.
