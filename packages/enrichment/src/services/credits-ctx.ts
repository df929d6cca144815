import { systemClock } from "@quarry/core/clock";
import { type Logger, silentLogger } from "@quarry/core/logger";
import { systemActor } from "@quarry/core/service-context";
import type { Database } from "@quarry/db/client";
import type { ServiceCtx } from "@quarry/db/service-context";

/**
 * The context enrichment calls the credits services with: the system named "enrichment" acting in
 * the run's workspace; `db` may be the caller's transaction, which the ledger then joins. Until
 * enrichment's services receive a ServiceCtx themselves.
 */
export function creditsCtx(db: Database, workspaceId: string, log: Logger = silentLogger): ServiceCtx {
  return { db, workspaceId, actor: systemActor("enrichment"), log, clock: systemClock };
}
