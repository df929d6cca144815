import type { Logger } from "@quarry/core/logger";
import type { Database } from "@quarry/db/client";
import type { EnrichmentCtx } from "./deps.ts";

/** The context for a signed-in member calling a procedure. */
export function enrichmentContext(ctx: {
  db: Database;
  workspaceId: string;
  user: { id: string };
  log: Logger;
}): EnrichmentCtx {
  return { db: ctx.db, workspaceId: ctx.workspaceId, actor: { id: ctx.user.id }, log: ctx.log };
}
