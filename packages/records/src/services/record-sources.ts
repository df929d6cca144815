import type { Database } from "@quarry/db/client";
import { type FieldSourceRow, listFieldSources } from "../queries/field-sources.queries.ts";
import type { PageSourceRow } from "../queries/list-records.queries.ts";
import { type FieldSource, type FieldSources, verifications } from "../schemas/field-sources.ts";

function fieldSource(row: Omit<FieldSourceRow, "record_id" | "field">): FieldSource {
  return {
    provider: row.provider,
    confidence: row.confidence,
    verification: verifications.find((v) => v === row.verification) ?? "unknown",
    fetchedAt: row.fetched_at.toISOString(),
    sandbox: row.sandbox,
  };
}

/** Provenance of each record's enriched fields, by record id. */
export async function loadFieldSources(
  db: Database,
  workspaceId: string,
  recordIds: readonly string[],
): Promise<Map<string, FieldSources>> {
  const out = new Map<string, FieldSources>();
  for (const row of await listFieldSources(db, workspaceId, recordIds)) {
    const sources = out.get(row.record_id) ?? {};
    sources[row.field] = fieldSource(row);
    out.set(row.record_id, sources);
  }
  return out;
}

/** The provenance that came with a listed row (listRecordsPage), in the same shape. */
export function pageFieldSources(rows: readonly PageSourceRow[] | null): FieldSources {
  const sources: FieldSources = {};
  for (const [field, provider, confidence, verification, fetchedAtMs, sandbox] of rows ?? []) {
    sources[field] = fieldSource({
      provider,
      confidence,
      verification,
      fetched_at: new Date(fetchedAtMs),
      sandbox,
    });
  }
  return sources;
}
