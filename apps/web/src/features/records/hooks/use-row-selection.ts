import { useCallback, useMemo, useState } from "react";
import type { RecordRow } from "../entities/types.ts";
import type { GridSelection } from "../grid/record-grid.tsx";

/** Picked rows, or every record the current search and filter match (loaded or not). */
export type RowSelection = { kind: "ids"; ids: ReadonlySet<string> } | { kind: "matching" };

const none: RowSelection = { kind: "ids", ids: new Set() };

/**
 * Checkbox selection over the loaded rows, with "select all matching" for the whole filtered
 * list. `scope` identifies the list (search, filter, sort): a new scope clears the selection.
 */
export function useRowSelection(rows: readonly RecordRow[], total: number | null, scope: string) {
  const [state, setState] = useState<{ scope: string; selection: RowSelection }>({ scope, selection: none });
  const selection = state.scope === scope ? state.selection : none;
  const set = useCallback((next: RowSelection) => setState({ scope, selection: next }), [scope]);

  const loadedIds = useMemo(() => rows.map((row) => row.id), [rows]);
  const count = selection.kind === "matching" ? (total ?? loadedIds.length) : selection.ids.size;
  const allLoaded =
    selection.kind === "matching" || (loadedIds.length > 0 && loadedIds.every((id) => selection.ids.has(id)));

  const toggle = useCallback(
    (row: RecordRow) => {
      const ids = new Set(selection.kind === "matching" ? loadedIds : selection.ids);
      if (ids.has(row.id)) ids.delete(row.id);
      else ids.add(row.id);
      set({ kind: "ids", ids });
    },
    [selection, loadedIds, set],
  );

  const grid = useMemo<GridSelection>(
    () => ({
      isSelected: (id) => selection.kind === "matching" || selection.ids.has(id),
      toggle,
      selectAll: {
        checked: allLoaded,
        indeterminate: !allLoaded && count > 0,
        label: "Select all loaded rows",
        onChange: () => set(allLoaded ? none : { kind: "ids", ids: new Set(loadedIds) }),
      },
    }),
    [selection, toggle, allLoaded, count, loadedIds, set],
  );

  return {
    selection,
    count,
    /** Every loaded row is picked but more records match: offer "select all matching". */
    canSelectMatching: selection.kind === "ids" && allLoaded && total !== null && total > loadedIds.length,
    selectMatching: () => set({ kind: "matching" }),
    clear: () => set(none),
    grid,
  };
}
