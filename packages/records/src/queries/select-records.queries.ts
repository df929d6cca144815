import type { Database } from "@quarry/db/client";
import { type RawBuilder, sql } from "kysely";
import type { EntityDef } from "../schemas/entities.ts";
import { fieldSourcesOf, type ListScope, type PageSourceRow, scopeWhere } from "./list-records.queries.ts";

/** A selected record: its id, standard field columns and the provenance of its enriched fields. */
export interface SelectedRow {
  id: string;
  field_sources: PageSourceRow[] | null;
  [column: string]: unknown;
}

/** The row of a page, with its created_at as text (exact to the microsecond) for the next page's key. */
export type SelectedPageRow = SelectedRow & { created_key: string };

export type SelectionScope = Omit<ListScope, "deleted">;

function selectedColumns(entity: EntityDef, workspaceId: string): RawBuilder<unknown> {
  const columns = ["id", ...Object.keys(entity.fields)].map((c) => sql.ref(`t.${c}`));
  return sql`${sql.join(columns)}, ${fieldSourcesOf(workspaceId, sql.ref("t.id"))} as field_sources`;
}

/**
 * One page of the live records a filter and search select, in the list screen's default order
 * (newest first, ties by id: the (workspace_id, created_at desc, id desc) index) after the key of
 * the previous page's last row. Uses the list's own WHERE (scopeWhere), so a selection covers
 * exactly the records the list shows for the same filter and search; no count is taken.
 */
export async function selectRecordsPage(
  db: Database,
  q: SelectionScope & { after: { createdKey: string; id: string } | null; limit: number },
): Promise<SelectedPageRow[]> {
  const after = q.after
    ? sql`and (t.created_at, t.id) < (cast(${q.after.createdKey} as timestamptz), ${q.after.id}::uuid)`
    : sql``;
  const { rows } = await sql<SelectedPageRow>`
    select ${selectedColumns(q.entity, q.workspaceId)}, t.created_at::text as created_key
    from ${sql.table(q.entity.table)} as t
    where ${scopeWhere({ ...q, deleted: false })} ${after}
    order by t.created_at desc, t.id desc
    limit ${q.limit}`.execute(db);
  return rows;
}

/** The live records of the workspace among these ids, by id (others' and deleted ones are left out). */
export async function findLiveRecordValues(
  db: Database,
  entity: EntityDef,
  workspaceId: string,
  ids: readonly string[],
): Promise<SelectedRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<SelectedRow>`
    select ${selectedColumns(entity, workspaceId)} from ${sql.table(entity.table)} as t
    where t.workspace_id = ${workspaceId} and t.id = any(${[...ids]}::uuid[]) and t.deleted_at is null
    order by t.id`.execute(db);
  return rows;
}
