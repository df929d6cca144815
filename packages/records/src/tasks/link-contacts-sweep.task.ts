import { defineTask } from "@quarry/queue/define-task";
import { z } from "zod";
import { findWorkspacesWithUnlinkedContacts } from "../queries/company-links.queries.ts";
import { linkContactsJobKey, linkContactsTask } from "./link-contacts.task.ts";

/**
 * Nightly: starts records/link-contacts for every workspace with contacts that have no company,
 * so contacts written before linking existed (or while company creation was off, or at the same
 * moment as their company) end up linked. Cheap when there is nothing to do; one chain per
 * workspace (jobKey).
 */
export const linkContactsSweepTask = defineTask({
  name: "records/link-contacts-sweep",
  payload: z.object({}).default({}),
  async run(_payload, { db }) {
    for (const workspaceId of await findWorkspacesWithUnlinkedContacts(db)) {
      await linkContactsTask.enqueue(
        db,
        { workspaceId, afterId: null },
        { jobKey: linkContactsJobKey(workspaceId) },
      );
    }
  },
});
