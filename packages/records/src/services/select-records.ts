import type { ServiceCtx } from "@quarry/db/service-context";
import { findLiveRecords } from "../queries/select-records.queries.ts";
import type { EntityDef } from "../schemas/entities.ts";
import type { FieldSources } from "../schemas/field-sources.ts";
import type { FieldMap } from "../schemas/field-types.ts";
import type { RecordSelection } from "../schemas/selection.ts";
import { listRecords } from "./list-records.ts";
import { loadFieldSources } from "./record-sources.ts";
import { rowValues } from "./record-values.ts";

export interface SelectedRecord {
  id: string;
  /** Standard field values by column name. */
  values: Record<string, unknown>;
  sources: FieldSources;
}

/**
 * The live records a selection names, up to `limit` (`truncated` says more matched): one id,
 * a list of ids (ids of other workspaces or deleted records are left out), or a filter and
 * search as the list screen applies them.
 */
export async function selectRecords<F extends FieldMap>(
  ctx: ServiceCtx,
  entity: EntityDef<F>,
  selection: RecordSelection,
  limit: number,
): Promise<{ records: SelectedRecord[]; truncated: boolean }> {
  if ("id" in selection || "ids" in selection) {
    const ids = "id" in selection ? [selection.id] : [...new Set(selection.ids)];
    const rows = await findLiveRecords(ctx.db, entity, ctx.workspaceId, ids.slice(0, limit));
    const sources = await loadFieldSources(
      ctx.db,
      ctx.workspaceId,
      rows.map((r) => r.id),
    );
    return {
      records: rows.map((row) => ({
        id: row.id,
        values: rowValues(entity, row),
        sources: sources.get(row.id) ?? {},
      })),
      truncated: ids.length > limit,
    };
  }
  const records: SelectedRecord[] = [];
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<typeof listRecords<F>>> = await listRecords(ctx, entity, {
      filter: selection.filter,
      search: selection.search,
      cursor,
      limit: 500,
      deleted: false,
    });
    for (const raw of page.items) {
      if (records.length >= limit) return { records, truncated: true };
      const item = raw as Record<string, unknown> & { id: string; sources: FieldSources };
      const values = Object.fromEntries(Object.keys(entity.fields).map((name) => [name, item[name] ?? null]));
      records.push({ id: item.id, values, sources: item.sources });
    }
    cursor = page.nextCursor;
  } while (cursor);
  return { records, truncated: false };
}
