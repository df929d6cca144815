import type { ServiceCtx } from "@quarry/db/service-context";
import { contactEntity } from "@quarry/records/schemas/entities";
import { selectRecords } from "@quarry/records/services/select-records";
import { listInvitations } from "@quarry/workspaces/services/list-invitations";
import { listMembers } from "@quarry/workspaces/services/list-members";
import { findEnrichmentFirsts } from "../queries/onboarding.queries.ts";
import { findTestMode } from "../queries/settings.queries.ts";
import type { Onboarding } from "../schemas/onboarding.ts";

/**
 * The newcomer's checklist, from real state: contacts added, a run tried in test mode, a vendor
 * key stored, a teammate invited (or already a member). Cheap reads: one contact at most, the
 * members and invitations of the workspace, two exists.
 */
export async function getOnboarding(ctx: ServiceCtx): Promise<Onboarding> {
  const [contacts, firsts, testMode, members, invitations] = await Promise.all([
    selectRecords(ctx, contactEntity, {}, 1),
    findEnrichmentFirsts(ctx.db, ctx.workspaceId),
    findTestMode(ctx.db, ctx.workspaceId),
    listMembers(ctx),
    listInvitations(ctx),
  ]);
  return {
    contacts: contacts.records.length > 0,
    ...firsts,
    testMode,
    teammate: members.items.length > 1 || invitations.items.length > 0,
  };
}
