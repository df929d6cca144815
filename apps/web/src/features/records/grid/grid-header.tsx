/** biome-ignore-all lint/a11y/useSemanticElements: a virtualised grid positions its rows absolutely, which <table> layout can't do; ARIA grid roles carry the semantics */
/** biome-ignore-all lint/a11y/useFocusableInteractive: focus stays on the grid, which points at the active cell with aria-activedescendant */
import { type CSSProperties, useEffect, useRef, useState } from "react";
import type { ColumnDef } from "../entities/types.ts";
import { ColumnResizer } from "./column-resizer.tsx";
import type { GridColumn } from "./use-grid-columns.ts";

export interface SortState {
  field: string;
  direction: "asc" | "desc";
}

export interface SelectAllState {
  checked: boolean;
  indeterminate: boolean;
  label: string;
  onChange: () => void;
}

interface GridHeaderProps {
  columns: readonly GridColumn[];
  sort: SortState | undefined;
  onSort: (column: ColumnDef) => void;
  selectAll: SelectAllState | null;
  onResize: (key: string, width: number) => void;
  /** Drops the dragged column before another (the column chooser has the keyboard way). */
  onReorder: (key: string, beforeKey: string) => void;
}

export function SelectAllBox({ state }: { state: SelectAllState }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = state.indeterminate;
  }, [state.indeterminate]);
  return (
    <input
      ref={ref}
      type="checkbox"
      className="row-check"
      checked={state.checked}
      aria-label={state.label}
      onChange={state.onChange}
    />
  );
}

function ariaSort(column: ColumnDef, sort: SortState | undefined) {
  if (sort?.field !== column.key) return column.sortable ? "none" : undefined;
  return sort.direction === "asc" ? "ascending" : "descending";
}

export function pinStyle(pinnedAt: number | null): CSSProperties | undefined {
  return pinnedAt === null ? undefined : { left: pinnedAt };
}

export function GridHeader({ columns, sort, onSort, selectAll, onResize, onReorder }: GridHeaderProps) {
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  return (
    <div role="rowgroup" className="grid-head">
      <div role="row" aria-rowindex={1} className="grid-row header">
        {columns.map(({ def: column, pinnedAt, width, startResize }, index) => {
          const direction = sort?.field === column.key ? sort.direction : null;
          const movable = pinnedAt === null;
          return (
            <div
              role="columnheader"
              aria-colindex={index + 1}
              aria-sort={ariaSort(column, sort)}
              key={column.key}
              className={`grid-cell head${pinnedAt !== null ? " pinned" : ""}${dropTarget === column.key ? " drop-target" : ""}`}
              style={pinStyle(pinnedAt)}
              onDragOver={(event) => {
                if (!movable || !event.dataTransfer.types.includes("text/x-quarry-column")) return;
                event.preventDefault();
                setDropTarget(column.key);
              }}
              onDragLeave={() => setDropTarget(null)}
              onDrop={(event) => {
                event.preventDefault();
                setDropTarget(null);
                const dragged = event.dataTransfer.getData("text/x-quarry-column");
                if (dragged && dragged !== column.key && movable) onReorder(dragged, column.key);
              }}
            >
              {index === 0 && selectAll ? <SelectAllBox state={selectAll} /> : null}
              {/* The label is what drags (the resize handle beside it must not start a drag). */}
              {/* biome-ignore lint/a11y/noStaticElementInteractions: a drag source for the mouse; the column chooser moves columns by keyboard */}
              <span
                className="head-grab"
                draggable={movable}
                onDragStart={(event) => {
                  event.dataTransfer.setData("text/x-quarry-column", column.key);
                  event.dataTransfer.effectAllowed = "move";
                }}
              >
                {column.sortable ? (
                  <button
                    type="button"
                    className="sort-button"
                    onClick={() => onSort(column)}
                    title={`Sort by ${column.label}`}
                  >
                    <span>{column.label}</span>
                    <span aria-hidden="true" className="sort-icon">
                      {direction === "asc" ? "↑" : direction === "desc" ? "↓" : "↕"}
                    </span>
                  </button>
                ) : (
                  <span className="head-label" title={column.label}>
                    {column.label}
                  </span>
                )}
              </span>
              <ColumnResizer
                label={column.label}
                width={width}
                onPointerStart={startResize}
                onResize={(next) => onResize(column.key, next)}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}
