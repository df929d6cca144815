import { randomUUID } from "node:crypto";
import type { WorkspaceFixture } from "./access-fixture.ts";

/**
 * A valid input for every procedure of the app. `home` is the workspace the caller names;
 * `ids` is where record ids come from: the same workspace for the permission test, another
 * workspace for the cross-tenant test. A procedure missing here fails the access tests.
 */
export type ProcedureCase = (home: WorkspaceFixture, ids: WorkspaceFixture) => unknown;

const ws = (home: WorkspaceFixture) => ({ workspaceId: home.workspaceId });
const unique = () => randomUUID().slice(0, 8);

export const procedureCases: Record<string, ProcedureCase> = {
  "auth.signUp": () => ({
    email: `new-${unique()}@example.com`,
    password: "correct horse battery",
    name: "New",
  }),
  "auth.signIn": (_, ids) => ({ email: ids.users.member.user.email, password: "not the password" }),
  "auth.signOut": () => ({}),
  "auth.me": () => undefined,
  "auth.account.update": () => ({ data: { name: `Renamed ${unique()}` } }),
  // The wrong current password: every caller is refused before anything changes.
  "auth.password.change": () => ({
    currentPassword: "not the password",
    newPassword: "a brand new passphrase",
  }),
  "auth.sessions.list": () => undefined,
  "auth.sessions.revokeOthers": () => ({}),
  "auth.passwordReset.request": (_, ids) => ({ email: ids.users.viewer.user.email }),
  "auth.passwordReset.confirm": () => ({ token: "f".repeat(40), password: "correct horse battery" }),

  "workspaces.list": () => undefined,
  "workspaces.create": () => ({ name: `Created ${unique()}` }),
  "workspaces.get": (home) => ws(home),
  "workspaces.update": (home) => ({ ...ws(home), data: { name: `Renamed ${unique()}` } }),
  "workspaces.leave": (home) => ws(home),
  "workspaces.transferOwnership": (home, ids) => ({ ...ws(home), userId: ids.users.admin.user.id }),
  "workspaces.members.list": (home) => ws(home),
  "workspaces.members.update": (home, ids) => ({
    ...ws(home),
    id: ids.users.member.user.id,
    data: { role: "viewer" },
  }),
  "workspaces.members.delete": (home, ids) => ({ ...ws(home), id: ids.users.member.user.id }),
  "workspaces.members.removalPreview": (home, ids) => ({ ...ws(home), id: ids.users.member.user.id }),
  "workspaces.invitations.list": (home) => ws(home),
  "workspaces.invitations.create": (home) => ({
    ...ws(home),
    email: `inv-${unique()}@example.com`,
    role: "viewer",
  }),
  "workspaces.invitations.delete": (home, ids) => ({ ...ws(home), id: ids.invitationId }),
  "workspaces.invitations.preview": (_, ids) => ({ token: ids.inviteToken }),
  "workspaces.invitations.accept": (_, ids) => ({ token: ids.inviteToken }),

  "records.contacts.list": (home) => ({ ...ws(home), limit: 50 }),
  "records.contacts.get": (home, ids) => ({ ...ws(home), id: ids.contactId }),
  "records.contacts.create": (home, ids) => ({
    ...ws(home),
    data: { first_name: "Made", email: `made-${unique()}@example.org`, company_id: ids.companyId },
  }),
  "records.contacts.update": (home, ids) => ({ ...ws(home), id: ids.contactId, data: { title: "Changed" } }),
  "records.contacts.delete": (home, ids) => ({ ...ws(home), id: ids.contactId }),
  "records.contacts.restore": (home, ids) => ({ ...ws(home), id: ids.contactId }),
  "records.companies.list": (home) => ({ ...ws(home), limit: 50 }),
  "records.companies.get": (home, ids) => ({ ...ws(home), id: ids.companyId }),
  "records.companies.create": (home) => ({
    ...ws(home),
    data: { name: "Made Inc", domain: `made-${unique()}.org` },
  }),
  "records.companies.update": (home, ids) => ({
    ...ws(home),
    id: ids.companyId,
    data: { industry: "Changed" },
  }),
  "records.companies.delete": (home, ids) => ({ ...ws(home), id: ids.companyId }),
  "records.companies.restore": (home, ids) => ({ ...ws(home), id: ids.companyId }),
  "records.activity.list": (home, ids) => ({ ...ws(home), entity: "contact", recordId: ids.contactId }),
  "records.fields.list": (home) => ws(home),
  "records.fields.create": (home) => ({
    ...ws(home),
    entity: "company",
    key: `k_${unique()}`,
    label: "Made",
    type: "number",
  }),
  "records.fields.update": (home, ids) => ({ ...ws(home), id: ids.fieldId, data: { label: "Changed" } }),
  "records.fields.delete": (home, ids) => ({ ...ws(home), id: ids.fieldId }),
  "records.settings.get": (home) => ws(home),
  "records.settings.update": (home) => ({ ...ws(home), data: { autoCreateCompanies: true } }),

  "credits.balance.get": (home) => ws(home),
  "credits.entries.list": (home) => ({ ...ws(home), limit: 50 }),
  "credits.settings.get": (home) => ws(home),
  "credits.settings.update": (home) => ({ ...ws(home), data: { runCap: 500, monthlyCap: null } }),

  "billing.get": (home) => ws(home),
  // The access test runs without Stripe: allowed callers are told billing is not configured.
  "billing.checkout.create": (home) => ({ ...ws(home), plan: "starter" }),
  "billing.portal.create": (home) => ws(home),

  "workspaces.apiKeys.list": (home) => ws(home),
  "workspaces.apiKeys.create": (home) => ({ ...ws(home), name: `Key ${unique()}`, scope: "read" }),
  "workspaces.apiKeys.revoke": (home, ids) => ({ ...ws(home), id: ids.apiKeyId }),

  // Set aims at a closed local port, so a later test call fails fast instead of reaching Hunter.
  "enrichment.providerKeys.list": (home) => ws(home),
  "enrichment.providerKeys.set": (home) => ({
    ...ws(home),
    providerId: "hunter",
    apiKey: `test-key-${unique()}`,
    baseUrl: "http://127.0.0.1:9",
  }),
  "enrichment.providerKeys.delete": (home) => ({ ...ws(home), providerId: "hunter" }),
  "enrichment.providerKeys.test": (home) => ({ ...ws(home), providerId: "hunter" }),

  "enrichment.runs.preview": (home, ids) => ({
    ...ws(home),
    entity: "contact",
    selection: { ids: [ids.contactId] },
    fields: ["full_name", "company_domain"],
  }),
  "enrichment.runs.create": (home, ids) => ({
    ...ws(home),
    entity: "contact",
    selection: { ids: [ids.contactId, home.contactId] },
    fields: ["full_name"],
  }),
  "enrichment.runs.get": (home, ids) => ({ ...ws(home), id: ids.enrichmentRunId }),
  "enrichment.runs.list": (home) => ({ ...ws(home), limit: 20 }),
  "enrichment.runs.cancel": (home, ids) => ({ ...ws(home), id: ids.enrichmentRunId }),
  "enrichment.runs.watch": (home, ids) => ({ ...ws(home), id: ids.enrichmentRunId }),
  "enrichment.settings.get": (home) => ws(home),
  "enrichment.settings.update": (home) => ({
    ...ws(home),
    data: {
      confidenceThreshold: 80,
      waterfalls: [{ entity: "contact", field: "full_name", providers: ["name-parts"] }],
    },
  }),
  "enrichment.providers.list": (home) => ws(home),
  "enrichment.onboarding.get": (home) => ws(home),
};
