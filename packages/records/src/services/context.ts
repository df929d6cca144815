import type { Logger } from "@quarry/core/logger";
import type { Database } from "@quarry/db/client";
import type { ActivitySource } from "../schemas/activity.ts";

/**
 * What every records service receives. `source` says who is writing (a person in the app, an
 * import, enrichment, the public API) and goes into the activity log with `actor`.
 */
export interface RecordsContext {
  db: Database;
  workspaceId: string;
  actor: { id: string } | null;
  source: ActivitySource;
  log: Logger;
}

/** The context for a signed-in user calling a procedure. */
export function userContext(ctx: {
  db: Database;
  workspaceId: string;
  user: { id: string };
  log: Logger;
}): RecordsContext {
  return {
    db: ctx.db,
    workspaceId: ctx.workspaceId,
    actor: { id: ctx.user.id },
    source: "user",
    log: ctx.log,
  };
}
