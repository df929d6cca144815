import { systemClock } from "@quarry/core/clock";
import { type Logger, silentLogger } from "@quarry/core/logger";
import { systemActor } from "@quarry/core/service-context";
import type { Database } from "@quarry/db/client";
import type { ServiceCtx } from "@quarry/db/service-context";

/**
 * The context enrichment calls the credits services with: the system named "enrichment" acting in
 * the run's workspace; `db` may be the caller's transaction, which the ledger then joins. Only for
 * the two helpers called with a bare (db, workspaceId) — run loading and hold release, shared by
 * procedures, the engine and the reaper; everything else passes the ServiceCtx it was given.
 */
export function creditsCtx(db: Database, workspaceId: string, log: Logger = silentLogger): ServiceCtx {
  return { db, workspaceId, actor: systemActor("enrichment"), log, clock: systemClock };
}
