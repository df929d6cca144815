import { AppError } from "@quarry/core/app-error";
import type { Database } from "@quarry/db/client";
import { countOwners } from "../queries/memberships.queries.ts";

/**
 * Refuses to take the owner role away from the workspace's last owner (by leaving, removal or
 * demotion). Call inside a transaction that holds the workspace lock.
 */
export async function assertNotLastOwner(
  db: Database,
  workspaceId: string,
  currentRole: string,
  message: string,
): Promise<void> {
  if (currentRole !== "owner") return;
  if ((await countOwners(db, workspaceId)) <= 1) throw new AppError("FORBIDDEN", message);
}
