import type { Database } from "@quarry/db/client";
import { sql } from "kysely";

/** Whether the workspace has run enrichment in test mode, and has a vendor key stored. */
export async function findEnrichmentFirsts(
  db: Database,
  workspaceId: string,
): Promise<{ testRun: boolean; providerKey: boolean }> {
  const { rows } = await sql<{ test_run: boolean; provider_key: boolean }>`
    select
      exists (select 1 from enrichment_runs where workspace_id = ${workspaceId} and test_mode) as test_run,
      exists (select 1 from provider_keys where workspace_id = ${workspaceId}) as provider_key`.execute(db);
  return { testRun: rows[0]?.test_run ?? false, providerKey: rows[0]?.provider_key ?? false };
}
