import { badInput, notFound } from "@quarry/core/app-error";
import type { Database } from "@quarry/db/client";
import { findHoldWithRemainder, type HoldRow } from "../queries/holds.queries.ts";
import { requireId } from "./ledger-input.ts";

/**
 * A hold of this workspace with its remainder (hold − captured − released), or NOT_FOUND (another
 * workspace's hold is not found either). Call it with the hold locked for the remainder to stay true.
 */
export async function findHold(trx: Database, workspaceId: string, holdId: string): Promise<HoldRow> {
  return requireHold(await findHoldWithRemainder(trx, workspaceId, requireId("holdId", holdId)));
}

/** The row found is a hold (NOT_FOUND otherwise) and, when a run is given, not another run's. */
export function requireHold(row: HoldRow | undefined, runId?: string): HoldRow {
  if (row?.kind !== "hold") throw notFound("Hold");
  if (runId !== undefined && row.run_id && row.run_id !== runId) {
    throw badInput("holdId", "holdId names a hold of another run");
  }
  return row;
}
