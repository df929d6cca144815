import type { RestCall } from "@quarry/rest/define-route";
import type { RecordsContext } from "../services/context.ts";

/** Writes through the API are the key creator's, marked as coming from the API in the activity log. */
export function apiRecordsContext(call: RestCall<unknown, unknown, unknown>): RecordsContext {
  return {
    db: call.db,
    workspaceId: call.key.workspaceId,
    actor: call.key.createdBy ? { id: call.key.createdBy } : null,
    source: "api",
    log: call.log,
  };
}
