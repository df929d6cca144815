import type { ServiceCtx } from "@quarry/db/service-context";
import {
  findLiveRecordValues,
  type SelectedPageRow,
  type SelectedRow,
  type SelectionScope,
  selectRecordsPage,
} from "../queries/select-records.queries.ts";
import type { EntityDef } from "../schemas/entities.ts";
import type { FieldSources } from "../schemas/field-sources.ts";
import type { FieldMap } from "../schemas/field-types.ts";
import type { RecordSelection } from "../schemas/selection.ts";
import { checkFilter, mentionsCustom } from "./check-filter.ts";
import { loadCustomFields } from "./custom-field-defs.ts";
import { pageFieldSources } from "./record-sources.ts";
import { toPrefixQuery } from "./search-query.ts";

export interface SelectedRecord {
  id: string;
  /** Standard field values by column name. */
  values: Record<string, unknown>;
  sources: FieldSources;
}

/** Rows read per statement when a filter or search selects: each page is one keyset read. */
export const SELECT_PAGE_SIZE = 1000;

/**
 * The live records a selection names, up to `limit` (`truncated` says more matched): one id,
 * a list of ids (ids of other workspaces or deleted records are left out), or a filter and
 * search as the list screen applies them (the same records, newest first as the list shows them).
 */
export async function selectRecords<F extends FieldMap>(
  ctx: ServiceCtx,
  entity: EntityDef<F>,
  selection: RecordSelection,
  limit: number,
): Promise<{ records: SelectedRecord[]; truncated: boolean }> {
  if ("id" in selection || "ids" in selection) {
    const ids = "id" in selection ? [selection.id] : [...new Set(selection.ids)];
    const rows = await findLiveRecordValues(ctx.db, entity, ctx.workspaceId, ids.slice(0, limit));
    return { records: rows.map((row) => selected(entity, row)), truncated: ids.length > limit };
  }
  const defs = mentionsCustom(selection.filter)
    ? await loadCustomFields(ctx.db, ctx.workspaceId, entity.name)
    : [];
  const scope: SelectionScope = {
    entity,
    workspaceId: ctx.workspaceId,
    filter: selection.filter ? checkFilter(entity, defs, selection.filter) : null,
    tsquery: selection.search ? toPrefixQuery(selection.search) : null,
  };
  // One row past the limit tells whether more matched.
  const rows: SelectedPageRow[] = [];
  for (;;) {
    const want = Math.min(SELECT_PAGE_SIZE, limit + 1 - rows.length);
    const last = rows.at(-1);
    const page = await selectRecordsPage(ctx.db, {
      ...scope,
      after: last ? { createdKey: last.created_key, id: last.id } : null,
      limit: want,
    });
    rows.push(...page);
    if (page.length < want || rows.length > limit) break;
  }
  return {
    records: rows.slice(0, limit).map((row) => selected(entity, row)),
    truncated: rows.length > limit,
  };
}

function selected(entity: EntityDef, row: SelectedRow): SelectedRecord {
  const values = Object.fromEntries(Object.keys(entity.fields).map((name) => [name, row[name] ?? null]));
  return { id: row.id, values, sources: pageFieldSources(row.field_sources) };
}
