import type { Database } from "@quarry/db/client";
import { findCreditSettings } from "../queries/settings.queries.ts";
import type { CreditSettings } from "../schemas/settings.ts";

/** The workspace's spend caps; a workspace that never set any has none. */
export async function getCreditSettings(db: Database, workspaceId: string): Promise<CreditSettings> {
  const row = await findCreditSettings(db, workspaceId);
  return { runCap: row?.run_cap ?? null, monthlyCap: row?.monthly_cap ?? null };
}
