import { actorUserId } from "@quarry/core/service-context";
import type { ServiceCtx } from "@quarry/db/service-context";
import { withTx } from "@quarry/db/with-tx";
import { findAutoCreateCompanies, upsertRecordSettings } from "../queries/company-links.queries.ts";
import type { RecordSettings, UpdateRecordSettingsInput } from "../schemas/settings.ts";
import { linkContactsJobKey, linkContactsTask } from "../tasks/link-contacts.task.ts";

export async function getRecordSettings(ctx: ServiceCtx): Promise<RecordSettings> {
  return { autoCreateCompanies: await findAutoCreateCompanies(ctx.db, ctx.workspaceId) };
}

/**
 * Saves the settings. Turning company creation on starts the background job that links the
 * workspace's contacts without a company (creating the companies of their domains), in the same
 * transaction.
 */
export async function updateRecordSettings(
  ctx: ServiceCtx,
  input: UpdateRecordSettingsInput,
): Promise<RecordSettings> {
  const { autoCreateCompanies } = input.data;
  return withTx(ctx.db, async (db) => {
    const before = await findAutoCreateCompanies(db, ctx.workspaceId);
    await upsertRecordSettings(
      db,
      ctx.workspaceId,
      { auto_create_companies: autoCreateCompanies },
      actorUserId(ctx.actor),
    );
    if (autoCreateCompanies && !before) await enqueueLinkContacts(db, ctx.workspaceId);
    return { autoCreateCompanies };
  });
}

/** Starts (or restarts) the linking of a workspace's unlinked contacts; one chain per workspace. */
export async function enqueueLinkContacts(db: ServiceCtx["db"], workspaceId: string): Promise<void> {
  await linkContactsTask.enqueue(
    db,
    { workspaceId, afterId: null },
    { jobKey: linkContactsJobKey(workspaceId) },
  );
}
