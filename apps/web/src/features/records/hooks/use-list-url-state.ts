import { type FilterGroup, filterGroupSchema, isFilterGroup } from "@quarry/records/schemas/filter";
import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import type { DraftCondition } from "../entities/filter-draft.ts";
import type { SortState } from "../grid/grid-header.tsx";

/**
 * The list's view in the query string, so a link or a reload shows the same rows:
 * `q` (search), `sort=field:asc`, `filter` (the filter tree as JSON), `cols` (visible columns,
 * comma-separated) and `deleted=1`. Widths and column order stay in this device's preferences.
 */
export function useListUrlState() {
  const [params, setParams] = useSearchParams();

  const search = params.get("q") ?? "";
  const sortText = params.get("sort");
  const filterText = params.get("filter");
  const colsText = params.get("cols");
  const showDeleted = params.get("deleted") === "1";

  const sort = useMemo(() => parseSort(sortText), [sortText]);
  const filter = useMemo(() => parseFilter(filterText), [filterText]);
  const visibleColumns = useMemo(() => (colsText ? colsText.split(",").filter(Boolean) : null), [colsText]);

  const update = useCallback(
    (patch: Record<string, string | null>) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(patch)) {
            if (value === null || value === "") next.delete(key);
            else next.set(key, value);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  return {
    search,
    sort,
    filter,
    visibleColumns,
    showDeleted,
    setSearch: useCallback((value: string) => update({ q: value }), [update]),
    setSort: useCallback(
      (value: SortState | undefined) => update({ sort: value ? `${value.field}:${value.direction}` : null }),
      [update],
    ),
    setFilter: useCallback(
      (value: FilterGroup | undefined) => update({ filter: value ? JSON.stringify(value) : null }),
      [update],
    ),
    setVisibleColumns: useCallback(
      (keys: readonly string[] | null) => update({ cols: keys ? keys.join(",") : null }),
      [update],
    ),
    setShowDeleted: useCallback((value: boolean) => update({ deleted: value ? "1" : null }), [update]),
  };
}

function parseSort(text: string | null): SortState | undefined {
  const match = text?.match(/^([a-zA-Z][\w.]*):(asc|desc)$/);
  return match?.[1] && match[2] ? { field: match[1], direction: match[2] as "asc" | "desc" } : undefined;
}

function parseFilter(text: string | null): FilterGroup | undefined {
  if (!text) return undefined;
  try {
    const parsed = filterGroupSchema.safeParse(JSON.parse(text));
    return parsed.success && parsed.data.conditions.length > 0 ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

let nextDraftId = 1_000_000;

/** A filter from the URL as the filter dialog's rows (one level: nested groups are not editable there). */
export function draftsOf(filter: FilterGroup | undefined): DraftCondition[] {
  if (!filter) return [];
  return filter.conditions.flatMap((node) => {
    if (isFilterGroup(node)) return [];
    const value = node.value;
    const [from, to] = Array.isArray(value) ? value : [value, ""];
    return [
      {
        id: nextDraftId++,
        field: node.field,
        operator: node.operator,
        value: node.operator === "in" && Array.isArray(value) ? value.join(", ") : String(from ?? ""),
        to: node.operator === "between" ? String(to ?? "") : "",
      },
    ];
  });
}
