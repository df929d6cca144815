import type { Database } from "@quarry/db/client";
import type { ServiceCtx } from "@quarry/db/service-context";
import {
  countRecordsUpTo,
  estimateRecords,
  type ListScope,
  listRecordsPage,
} from "../queries/list-records.queries.ts";
import type { EntityDef } from "../schemas/entities.ts";
import type { FieldMap } from "../schemas/field-types.ts";
import type { ListRecordsInput } from "../schemas/filter.ts";
import type { RecordOf } from "../schemas/record-schemas.ts";
import { checkFilter, mentionsCustom, resolveField } from "./check-filter.ts";
import { decodeRecordCursor, encodeCursor } from "./cursor.ts";
import { loadCustomFields } from "./custom-field-defs.ts";
import { cachedEstimate } from "./estimate-cache.ts";
import { pageFieldSources } from "./record-sources.ts";
import { toRecord } from "./record-values.ts";
import { toPrefixQuery } from "./search-query.ts";

/** Counted exactly up to this many rows; above it the planner's estimate is shown. */
export const EXACT_TOTAL_LIMIT = 10_000;

export interface Total {
  value: number;
  exact: boolean;
}

/**
 * Exact up to 10,000, the planner's estimate above. The estimate comes first (no rows read; reused
 * for a minute, see cachedEstimate): when it is above the limit the count is skipped, so a large
 * list never reads 10,001 rows just to say "about N". Otherwise the rows are counted, capped at
 * 10,001 — never cut short by a time budget, because the estimate of a small table is a guess
 * (an unanalyzed table of 6 contacts can be estimated at 1), and "~1 contact" over 6 listed rows
 * is wrong where "6 contacts" costs a few milliseconds more.
 */
export async function countTotal(db: Database, scope: ListScope): Promise<Total> {
  const estimate = await cachedEstimate(scope, () => estimateRecords(db, scope));
  if (estimate > EXACT_TOTAL_LIMIT) return { value: estimate, exact: false };
  const counted = (await countRecordsUpTo(db, scope, EXACT_TOTAL_LIMIT + 1)) ?? 0;
  if (counted <= EXACT_TOTAL_LIMIT) return { value: counted, exact: true };
  return { value: Math.max(counted, estimate), exact: false };
}

/**
 * One page of contacts or companies: filter tree, search, any sort (ties by id, empty values
 * last) and keyset pagination. The first page's total travels in the cursor to the next pages.
 */
export async function listRecords<F extends FieldMap>(
  ctx: ServiceCtx,
  entity: EntityDef<F>,
  input: ListRecordsInput,
): Promise<{ items: RecordOf<F>[]; nextCursor: string | null; total: Total }> {
  const sortField = input.sort?.field ?? "created_at";
  const direction = input.sort ? input.sort.direction : "desc";
  const needsDefs = mentionsCustom(input.filter) || sortField.startsWith("custom.");
  const defs = needsDefs ? await loadCustomFields(ctx.db, ctx.workspaceId, entity.name) : [];
  const sortRef = resolveField(entity, defs, sortField, "sort.field");
  const scope: ListScope = {
    entity,
    workspaceId: ctx.workspaceId,
    deleted: input.deleted,
    filter: input.filter ? checkFilter(entity, defs, input.filter) : null,
    tsquery: input.search ? toPrefixQuery(input.search) : null,
  };
  const cursor = input.cursor
    ? decodeRecordCursor(input.cursor, { field: sortField, direction, kind: sortRef.kind })
    : null;
  const [rows, total] = await Promise.all([
    listRecordsPage(ctx.db, {
      ...scope,
      sort: { ref: sortRef, direction },
      after: cursor?.after ?? null,
      limit: input.limit + 1,
    }),
    cursor ? cursor.total : countTotal(ctx.db, scope),
  ]);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > input.limit && last
      ? encodeCursor({
          f: sortField,
          d: direction,
          v: last.sort_key,
          id: last.id,
          n: total.value,
          x: total.exact,
        })
      : null;
  return {
    items: page.map((row) => toRecord(entity, row, pageFieldSources(row.field_sources))),
    nextCursor,
    // An estimate never reads fewer than the rows already listed.
    total: total.exact ? total : { value: Math.max(total.value, page.length), exact: false },
  };
}
