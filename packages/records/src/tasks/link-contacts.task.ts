import { idSchema } from "@quarry/core/ids";
import { withTx } from "@quarry/db/with-tx";
import { defineTask, taskCtx } from "@quarry/queue/define-task";
import { z } from "zod";
import { linkExistingContacts } from "../services/link-existing-contacts.ts";

/**
 * Links a workspace's existing contacts without a company, one chunk per job: each job links
 * a chunk and enqueues the next (same jobKey, so a workspace has one chain), in the chunk's
 * transaction. Safe to re-run: a linked contact is no longer a candidate. Enqueued when a
 * workspace turns company creation on, and for every workspace by the nightly sweep.
 */
export const linkContactsTask = defineTask({
  name: "records/link-contacts",
  payload: z.object({
    workspaceId: idSchema,
    afterId: idSchema.nullable().default(null),
    limit: z.number().int().min(1).max(5000).optional(),
  }),
  async run({ workspaceId, afterId, limit }, helpers) {
    const ctx = taskCtx(helpers, workspaceId, "system");
    await withTx(helpers.db, async (db) => {
      const result = await linkExistingContacts({ ...ctx, db }, { afterId, limit });
      if (result.nextAfterId) {
        await linkContactsTask.enqueue(
          db,
          { workspaceId, afterId: result.nextAfterId, limit },
          { jobKey: linkContactsJobKey(workspaceId) },
        );
      }
      if (result.linked > 0)
        helpers.log.info({ workspaceId, linked: result.linked }, "contacts linked to companies");
    });
  },
});

/** One chain per workspace: a new start replaces a pending chunk instead of running beside it. */
export function linkContactsJobKey(workspaceId: string): string {
  return `records/link-contacts:${workspaceId}`;
}
