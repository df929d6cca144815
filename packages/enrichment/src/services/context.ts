import type { Logger } from "@quarry/core/logger";
import { actorUserId } from "@quarry/core/service-context";
import type { Database } from "@quarry/db/client";
import type { ServiceCtx } from "@quarry/db/service-context";
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

/** The enrichment services' context from the one service context (until they take it directly). */
export function fromServiceCtx(svc: ServiceCtx): EnrichmentCtx {
  const userId = actorUserId(svc.actor);
  return { db: svc.db, workspaceId: svc.workspaceId, actor: userId ? { id: userId } : null, log: svc.log };
}
