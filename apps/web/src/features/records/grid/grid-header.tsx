/** biome-ignore-all lint/a11y/useSemanticElements: a virtualised grid positions its rows absolutely, which <table> layout can't do; ARIA grid roles carry the semantics */
/** biome-ignore-all lint/a11y/useFocusableInteractive: focus stays on the grid, which points at the active cell with aria-activedescendant */
import { useEffect, useRef } from "react";
import type { ColumnDef } from "../entities/types.ts";

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
  columns: readonly ColumnDef[];
  sort: SortState | undefined;
  onSort: (column: ColumnDef) => void;
  selectAll: SelectAllState | null;
}

function SelectAllBox({ state }: { state: SelectAllState }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = state.indeterminate;
  }, [state.indeterminate]);
  return (
    <span className="grid-cell head select-cell">
      <input
        ref={ref}
        type="checkbox"
        checked={state.checked}
        aria-label={state.label}
        onChange={state.onChange}
      />
    </span>
  );
}

function ariaSort(column: ColumnDef, sort: SortState | undefined) {
  if (sort?.field !== column.key) return column.sortable && !column.virtual ? "none" : undefined;
  return sort.direction === "asc" ? "ascending" : "descending";
}

export function GridHeader({ columns, sort, onSort, selectAll }: GridHeaderProps) {
  return (
    <div role="rowgroup" className="grid-head">
      <div role="row" aria-rowindex={1} className="grid-row header">
        {columns.map((column, index) => {
          const direction = sort?.field === column.key ? sort.direction : null;
          return (
            <div
              role="columnheader"
              aria-colindex={index + 1}
              aria-sort={ariaSort(column, sort)}
              key={column.key}
              className="grid-cell head"
            >
              {index === 0 && selectAll ? <SelectAllBox state={selectAll} /> : null}
              {column.sortable && !column.virtual ? (
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
                <span className="head-label">{column.label}</span>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
