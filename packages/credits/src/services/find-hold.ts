import { notFound } from "@quarry/core/app-error";
import type { Database } from "@quarry/db/client";
import { type EntryRow, findEntry } from "../queries/ledger.queries.ts";
import { requireId } from "./ledger-input.ts";

/** A hold of this workspace, or NOT_FOUND (another workspace's hold is not found either). */
export async function findHold(trx: Database, workspaceId: string, holdId: string): Promise<EntryRow> {
  const hold = await findEntry(trx, workspaceId, requireId("holdId", holdId));
  if (hold?.kind !== "hold") throw notFound("Hold");
  return hold;
}
