import { idSchema } from "@quarry/core/ids";
import type { Database } from "@quarry/db/client";
import { findWorkspaceByCustomer, workspaceExists } from "../../queries/billing-state.queries.ts";
import { findWorkspaceByHistoryObject } from "../../queries/history.queries.ts";
import { record, str } from "./handler.ts";

/**
 * The workspace a Stripe object belongs to: `metadata.workspace_id` (Quarry sets it on the
 * customer, subscription and checkout it creates) when it names an existing workspace, else the
 * workspace whose billing state holds the customer id, else one an earlier history row links to
 * one of `relatedObjectIds` (the charge a dispute is about). Undefined: not ours, or not known yet.
 */
export async function findWorkspace(
  db: Database,
  refs: { metadata: unknown[]; customerId: string | null; relatedObjectIds?: (string | null)[] },
): Promise<string | undefined> {
  for (const metadata of refs.metadata) {
    const id = str(record(metadata).workspace_id);
    if (id && idSchema.safeParse(id).success && (await workspaceExists(db, id))) return id;
  }
  if (refs.customerId) {
    const byCustomer = await findWorkspaceByCustomer(db, refs.customerId);
    if (byCustomer) return byCustomer;
  }
  const related = (refs.relatedObjectIds ?? []).filter((id): id is string => id !== null);
  return findWorkspaceByHistoryObject(db, related);
}
