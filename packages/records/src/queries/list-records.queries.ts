import type { Database } from "@quarry/db/client";
import { type RawBuilder, sql } from "kysely";
import type { EntityDef } from "../schemas/entities.ts";
import { type CheckedFilter, castName, type FieldRef, fieldExpr, filterSql } from "./record-sql.ts";
import { type RecordRow, recordColumns } from "./records.queries.ts";

export interface ListScope {
  entity: EntityDef;
  workspaceId: string;
  deleted: boolean;
  filter: CheckedFilter | null;
  /** A to_tsquery('simple', …) text, already sanitised. */
  tsquery: string | null;
}

export interface PageQuery extends ListScope {
  sort: { ref: FieldRef; direction: "asc" | "desc" };
  /** The last row of the previous page: its sort value (as text, null when empty) and id. */
  after: { value: string | null; id: string } | null;
  limit: number;
}

/** A provenance row of a listed record: field, provider, confidence, verification, fetched_at (epoch ms), sandbox. */
export type PageSourceRow = [string, string, number, string, number, boolean];

export type PageRow = RecordRow & { sort_key: string | null; field_sources: PageSourceRow[] | null };

/** The rows a list (or a selection made from it) covers: workspace, live or deleted, filter, search. */
export function scopeWhere(q: ListScope): RawBuilder<boolean> {
  const parts: RawBuilder<boolean>[] = [
    sql<boolean>`t.workspace_id = ${q.workspaceId}`,
    q.deleted ? sql<boolean>`t.deleted_at is not null` : sql<boolean>`t.deleted_at is null`,
  ];
  if (q.filter) parts.push(filterSql(q.filter));
  if (q.tsquery) parts.push(sql<boolean>`t.search @@ to_tsquery('simple', ${q.tsquery})`);
  return sql<boolean>`${sql.join(parts, sql` and `)}`;
}

/**
 * One keyset query: rows with a sort value (after the cursor) in index order, then rows without
 * one (NULLS LAST) ordered by id. Each branch reads at most `limit` rows from an index on
 * (workspace_id, field, id), so page 1 and page 1,000 cost the same.
 */
export async function listRecordsPage(db: Database, q: PageQuery): Promise<PageRow[]> {
  const e = fieldExpr(q.sort.ref);
  const dir = sql.raw(q.sort.direction);
  const cmp = sql.raw(q.sort.direction === "asc" ? ">" : "<");
  const where = scopeWhere(q);
  const cast = sql.raw(castName(q.sort.ref.kind));
  const valued = sql`
    select ${recordColumns(q.entity)}, (${e})::text as sort_key
    from ${sql.table(q.entity.table)} as t
    where ${where} and ${e} is not null
    ${q.after?.value != null ? sql`and (${e}, t.id) ${cmp} (cast(${q.after.value} as ${cast}), ${q.after.id}::uuid)` : sql``}
    order by ${e} ${dir}, t.id ${dir}
    limit ${q.limit}`;
  const empty = sql`
    select ${recordColumns(q.entity)}, null::text as sort_key
    from ${sql.table(q.entity.table)} as t
    where ${where} and ${e} is null
    ${q.after?.value === null ? sql`and t.id ${cmp} ${q.after.id}::uuid` : sql``}
    order by t.id ${dir}
    limit ${q.limit}`;
  const branches =
    q.after?.value === null
      ? sql`(${empty})`
      : q.sort.ref.nullable
        ? sql`(${valued}) union all (${empty})`
        : sql`(${valued})`;
  // No outer ORDER BY: Append returns the valued branch, then the empty one, and the LIMIT stops
  // it as soon as the page is full, so the second branch only runs on the last pages. (An outer
  // sort would make PostgreSQL evaluate both branches on every page.) The provenance of each
  // row's enriched fields comes along (record_field_sources by (workspace_id, record_id)), so a
  // page is one statement and one round trip.
  const { rows } = await sql<PageRow>`
    select page.*, ${fieldSourcesOf(q.workspaceId, sql.ref("page.id"))} as field_sources
    from (${branches}) as page limit ${q.limit}`.execute(db);
  return rows;
}

/** A record's provenance rows (PageSourceRow) as one json array, null when it has none. */
export function fieldSourcesOf(workspaceId: string, recordId: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`(
    select json_agg(json_build_array(s.field, s.provider, s.confidence, s.verification,
      floor(extract(epoch from s.fetched_at) * 1000), s.sandbox))
    from record_field_sources as s
    where s.workspace_id = ${workspaceId} and s.record_id = ${recordId}
  )`;
}

/**
 * Counts matching rows, stopping at `cap`. With `budgetMs`, the count runs in its own transaction
 * under that statement_timeout and null means it would have taken longer (inside a caller's
 * transaction it runs without one, so the caller's settings stay as they are).
 */
export async function countRecordsUpTo(
  db: Database,
  q: ListScope,
  cap: number,
  budgetMs?: number,
): Promise<number | null> {
  const count = async (on: Database) => {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from (
        select 1 from ${sql.table(q.entity.table)} as t where ${scopeWhere(q)} limit ${cap}
      ) as capped`.execute(on);
    return rows[0]?.n ?? 0;
  };
  if (budgetMs === undefined || db.isTransaction) return count(db);
  try {
    return await db.transaction().execute(async (trx) => {
      await sql`select set_config('statement_timeout', ${String(budgetMs)}, true)`.execute(trx);
      return count(trx);
    });
  } catch (error) {
    if ((error as { code?: string } | null)?.code === QUERY_CANCELED) return null;
    throw error;
  }
}

const QUERY_CANCELED = "57014";

/** The planner's estimate of matching rows (no rows are read). */
export async function estimateRecords(db: Database, q: ListScope): Promise<number> {
  const { rows } = await sql<{ "QUERY PLAN": Array<{ Plan: { "Plan Rows": number } }> }>`
    explain (format json) select 1 from ${sql.table(q.entity.table)} as t where ${scopeWhere(q)}`.execute(db);
  return Math.round(rows[0]?.["QUERY PLAN"][0]?.Plan["Plan Rows"] ?? 0);
}
