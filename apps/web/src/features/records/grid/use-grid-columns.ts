import {
  type ColumnSizingState,
  columnOrderingFeature,
  columnPinningFeature,
  columnResizingFeature,
  columnSizingFeature,
  columnVisibilityFeature,
  tableFeatures,
  type Updater,
  useTable,
} from "@tanstack/react-table";
import { useCallback, useMemo, useRef } from "react";
import type { ColumnDef, RecordRow } from "../entities/types.ts";
import type { ColumnEntry } from "../hooks/use-column-prefs.ts";

const features = tableFeatures({
  columnVisibilityFeature,
  columnOrderingFeature,
  columnPinningFeature,
  columnSizingFeature,
  columnResizingFeature,
});
const noRows: RecordRow[] = [];
/** The name column stays in view while the grid scrolls sideways. */
const pinning = { start: ["name"], end: [] };

export const minColumnWidth = 60;
export const maxColumnWidth = 800;

/** One visible column as the grid lays it out. */
export interface GridColumn {
  def: ColumnDef;
  width: number;
  /** Left offset when pinned (sticky), else null. */
  pinnedAt: number | null;
  /** Mouse/touch-down handler of the column's resize handle. */
  startResize: (event: unknown) => void;
}

/**
 * Column state (order, visibility, pinning, widths, resizing) through TanStack Table: the grid
 * keeps rendering its own virtualised rows and asks the table only how to lay the columns out.
 * Order and visibility come from the column preferences (and the URL); widths are saved there.
 */
export function useGridColumns(
  entries: readonly ColumnEntry[],
  widths: Record<string, number>,
  onWidths: (widths: Record<string, number>) => void,
): GridColumn[] {
  const columns = useMemo(
    () =>
      entries.map(({ column }) => ({
        id: column.key,
        header: column.label,
        size: column.width,
        minSize: minColumnWidth,
        maxSize: maxColumnWidth,
      })),
    [entries],
  );
  const columnOrder = useMemo(() => entries.map((entry) => entry.column.key), [entries]);
  const columnVisibility = useMemo(
    () => Object.fromEntries(entries.map((entry) => [entry.column.key, entry.visible])),
    [entries],
  );
  const onColumnSizingChange = useCallback(
    (updater: Updater<ColumnSizingState>) =>
      onWidths(typeof updater === "function" ? updater(widths) : updater),
    [widths, onWidths],
  );
  const table = useTable({
    features,
    columns,
    data: noRows,
    columnResizeMode: "onChange",
    state: { columnOrder, columnVisibility, columnPinning: pinning, columnSizing: widths },
    onColumnSizingChange,
  });

  const byKey = new Map(entries.map((entry) => [entry.column.key, entry.column]));
  const headers = table.getFlatHeaders();
  const visible = [...table.getStartVisibleLeafColumns(), ...table.getCenterVisibleLeafColumns()];
  const layout = visible.flatMap((column) => {
    const def = byKey.get(column.id);
    const header = headers.find((candidate) => candidate.column.id === column.id);
    if (!def || !header) return [];
    return [
      {
        def,
        width: column.getSize(),
        pinnedAt: column.getIsPinned() === "start" ? column.getStart("start") : null,
        startResize: header.getResizeHandler(),
      },
    ];
  });
  // The same array while nothing about the columns changed, so memoised grid rows stay put.
  const signature = `${layout.map((c) => `${c.def.key}:${c.width}:${c.pinnedAt}`).join("|")}`;
  const cache = useRef<{ signature: string; defs: readonly ColumnEntry[]; layout: GridColumn[] } | null>(
    null,
  );
  if (cache.current?.signature !== signature || cache.current.defs !== entries) {
    cache.current = { signature, defs: entries, layout };
  }
  return cache.current.layout;
}
