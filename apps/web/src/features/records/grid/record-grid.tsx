/** biome-ignore-all lint/a11y/useSemanticElements: a virtualised grid positions its rows absolutely, which <table> layout can't do; ARIA grid roles carry the semantics */
/** biome-ignore-all lint/a11y/useFocusableInteractive: focus stays on the grid, which points at the active cell with aria-activedescendant */
import { useVirtualizer } from "@tanstack/react-virtual";
import {
  type CSSProperties,
  type KeyboardEvent,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from "react";
import type { ColumnDef, RecordRow } from "../entities/types.ts";
import { GridHeader, type SelectAllState, type SortState } from "./grid-header.tsx";
import { nextCell } from "./grid-keys.ts";
import { cellId, GridRow, SkeletonRow } from "./grid-row.tsx";
import type { GridColumn } from "./use-grid-columns.ts";
import { useGridEdit } from "./use-grid-edit.ts";

const rowHeight = 36;

export interface RecordGridProps {
  label: string;
  /** Visible columns in order, with widths and pinning (useGridColumns). */
  columns: readonly GridColumn[];
  onResize: (key: string, width: number) => void;
  onReorder: (key: string, beforeKey: string) => void;
  rows: readonly RecordRow[];
  /** Exact total, or null when unknown (then aria-rowcount is -1). */
  rowCount: number | null;
  loading: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
  sort: SortState | undefined;
  onSort: (column: ColumnDef) => void;
  canEdit: boolean;
  displayName: (row: RecordRow) => string;
  onOpen: (row: RecordRow) => void;
  /** An error sentence naming the field, or null when the text is valid (checked before saving). */
  validate: (column: ColumnDef, text: string) => string | null;
  /** Saves in the background; a rejection reopens the editor with the error. */
  onSave: (row: RecordRow, column: ColumnDef, text: string) => Promise<void>;
  /** Provider id → name, for the provenance of enriched cells. */
  providerName: (id: string) => string;
  /** Row selection (checkboxes, Space on a row); null hides the checkboxes (they sit in the first column). */
  selection: GridSelection | null;
}

export interface GridSelection {
  isSelected: (id: string) => boolean;
  toggle: (row: RecordRow) => void;
  selectAll: SelectAllState;
}

/**
 * A virtualised grid: only the rows in view (plus overscan) are in the DOM, pages load as the
 * end comes near. The container holds focus and points at the active cell with
 * aria-activedescendant, so focus survives rows being recycled while scrolling.
 */
export function RecordGrid(props: RecordGridProps) {
  const { rows, hasNextPage, isFetchingNextPage, fetchNextPage } = props;
  const layout = props.columns;
  const columns = useMemo(() => layout.map((column) => column.def), [layout]);
  const pins = useMemo(() => layout.map((column) => column.pinnedAt), [layout]);
  const gridId = useId().replaceAll(":", "");
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState({ row: 0, col: 0 });
  const placeholders = props.loading ? 12 : hasNextPage ? 3 : 0;

  const virtualizer = useVirtualizer({
    count: rows.length + placeholders,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 15,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= rows.length - 40) fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, lastIndex, rows.length, fetchNextPage]);

  const editable = useCallback(
    (col: number) => {
      const column = columns[col];
      return Boolean(props.canEdit && column?.editable && !column.virtual);
    },
    [columns, props.canEdit],
  );

  const focusGrid = useCallback(() => scrollRef.current?.focus({ preventScroll: true }), []);
  const edit = useGridEdit({
    rows,
    columns,
    validate: props.validate,
    onSave: props.onSave,
    focusGrid,
    setActive,
  });
  const { editing, setEditing } = edit;

  const scrollToCell = (row: number, col: number) => {
    virtualizer.scrollToIndex(row, { align: "auto" });
    const element = scrollRef.current;
    if (!element) return;
    if (pins[col] !== null && pins[col] !== undefined) return;
    const pinned = layout.reduce((sum, column) => sum + (column.pinnedAt === null ? 0 : column.width), 0);
    // Pinned columns cover the first `pinned` pixels of the view.
    const left = layout.slice(0, col).reduce((sum, column) => sum + column.width, 0);
    const width = layout[col]?.width ?? 0;
    if (left < element.scrollLeft + pinned) element.scrollLeft = left - pinned;
    else if (left + width > element.scrollLeft + element.clientWidth) {
      element.scrollLeft = left + width - element.clientWidth;
    }
  };

  const open = (rowIndex: number) => {
    const row = rows[rowIndex];
    if (row) props.onOpen(row);
  };

  // A click selects the cell; a double-click (or Enter, F2 or typing) edits it.
  const onCellClick = (rowIndex: number, col: number) => {
    setActive({ row: rowIndex, col });
    if (!editing) focusGrid();
  };

  const onCellDoubleClick = (rowIndex: number, col: number) => {
    setActive({ row: rowIndex, col });
    if (editable(col)) setEditing({ row: rowIndex, col });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget || rows.length === 0) return;
    if (event.key === " ") {
      event.preventDefault();
      // Space opens the record; Shift+Space selects the row (as a spreadsheet selects rows).
      const row = rows[active.row];
      if (event.shiftKey && row && props.selection) props.selection.toggle(row);
      else if (!event.shiftKey) open(active.row);
      return;
    }
    if (event.key === "Enter" || event.key === "F2") {
      event.preventDefault();
      if (editable(active.col)) setEditing(active);
      else if (event.key === "Enter") open(active.row);
      return;
    }
    const typed = event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
    if (typed && editable(active.col)) {
      event.preventDefault();
      setEditing({ ...active, text: event.key });
      return;
    }
    const next = nextCell(event, active, { rows: rows.length, cols: columns.length, page: 10 });
    if (!next) return;
    event.preventDefault();
    setActive(next);
    scrollToCell(next.row, next.col);
  };

  // Stable handlers keep memoised rows from re-rendering on every scroll frame.
  const latest = useRef({ onCellClick, onCellDoubleClick, open, selection: props.selection });
  latest.current = { onCellClick, onCellDoubleClick, open, selection: props.selection };
  const stableClick = useCallback((r: number, c: number) => latest.current.onCellClick(r, c), []);
  const stableDoubleClick = useCallback((r: number, c: number) => latest.current.onCellDoubleClick(r, c), []);
  const stableOpen = useCallback((r: number) => latest.current.open(r), []);

  const selection = props.selection;
  const template = layout.map((column) => `${column.width}px`).join(" ");
  const width = layout.reduce((sum, column) => sum + column.width, 0);
  const toggleSelect = useCallback((row: RecordRow) => latest.current.selection?.toggle(row), []);
  const activeRendered = items.some((item) => item.index === active.row) && active.row < rows.length;

  return (
    <div
      ref={scrollRef}
      role="grid"
      aria-label={props.label}
      aria-rowcount={props.rowCount === null ? -1 : props.rowCount + 1}
      aria-colcount={columns.length}
      aria-busy={props.loading || isFetchingNextPage}
      aria-activedescendant={activeRendered && !editing ? cellId(gridId, active.row, active.col) : undefined}
      aria-describedby={`${gridId}-help`}
      tabIndex={0}
      className="grid"
      style={{ "--grid-cols": template, "--grid-width": `${width}px` } as CSSProperties}
      onKeyDown={onKeyDown}
    >
      <p id={`${gridId}-help`} className="visually-hidden">
        Arrow keys move between cells. Space opens the record
        {props.canEdit ? "; Enter or typing edits the cell, Escape cancels." : "."}
        {selection ? " Shift+Space selects the row." : ""}
      </p>
      <GridHeader
        columns={layout}
        onResize={props.onResize}
        onReorder={props.onReorder}
        sort={props.sort}
        onSort={props.onSort}
        selectAll={selection?.selectAll ?? null}
      />
      <div role="rowgroup" className="grid-body" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const row = rows[item.index];
          if (!row)
            return <SkeletonRow key={`skeleton-${item.index}`} top={item.start} columns={columns.length} />;
          return (
            <GridRow
              key={row.id}
              row={row}
              index={item.index}
              top={item.start}
              columns={columns}
              pins={pins}
              gridId={gridId}
              activeCol={active.row === item.index ? active.col : null}
              editing={editing?.row === item.index ? editing : null}
              selected={selection ? selection.isSelected(row.id) : null}
              displayName={props.displayName}
              providerName={props.providerName}
              onToggleSelect={toggleSelect}
              onCellClick={stableClick}
              onCellDoubleClick={stableDoubleClick}
              onOpen={stableOpen}
              onCommit={edit.commit}
              onCancelEdit={edit.cancel}
            />
          );
        })}
      </div>
    </div>
  );
}
