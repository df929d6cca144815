import type { Database } from "@quarry/db/client";
import { listFieldSources } from "../queries/field-sources.queries.ts";
import { type FieldSources, verifications } from "../schemas/field-sources.ts";

/** Provenance of each record's enriched fields, by record id. */
export async function loadFieldSources(
  db: Database,
  workspaceId: string,
  recordIds: readonly string[],
): Promise<Map<string, FieldSources>> {
  const out = new Map<string, FieldSources>();
  for (const row of await listFieldSources(db, workspaceId, recordIds)) {
    const sources = out.get(row.record_id) ?? {};
    const verification = verifications.find((v) => v === row.verification) ?? "unknown";
    sources[row.field] = {
      provider: row.provider,
      confidence: row.confidence,
      verification,
      fetchedAt: row.fetched_at.toISOString(),
      sandbox: row.sandbox,
    };
    out.set(row.record_id, sources);
  }
  return out;
}
