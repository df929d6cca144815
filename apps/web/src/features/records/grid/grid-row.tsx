/** biome-ignore-all lint/a11y/useSemanticElements: a virtualised grid positions its rows absolutely, which <table> layout can't do; ARIA grid roles carry the semantics */
/** biome-ignore-all lint/a11y/useFocusableInteractive: focus stays on the grid, which points at the active cell with aria-activedescendant */
import { memo } from "react";
import { qualityOf, sourceOf } from "../entities/sources.ts";
import type { ColumnDef, RecordRow } from "../entities/types.ts";
import { fieldValue, formatValue } from "../entities/values.ts";
import { CellEditor, type EditState } from "./cell-editor.tsx";
import { EnrichedText, QualityMeter } from "./grid-cells.tsx";
import { pinStyle } from "./grid-header.tsx";
import { OpenRecordButton } from "./grid-open-button.tsx";

interface GridRowProps {
  row: RecordRow;
  index: number;
  top: number;
  columns: readonly ColumnDef[];
  /** Per column: its sticky left offset when pinned, else null. */
  pins: readonly (number | null)[];
  gridId: string;
  activeCol: number | null;
  editing: EditState | null;
  /** Present when rows can be selected: whether this one is. */
  selected: boolean | null;
  displayName: (row: RecordRow) => string;
  providerName: (id: string) => string;
  onToggleSelect: (row: RecordRow) => void;
  onCellClick: (index: number, col: number) => void;
  onCellDoubleClick: (index: number, col: number) => void;
  onOpen: (index: number) => void;
  onCommit: (row: RecordRow, column: ColumnDef, text: string) => string | null;
  onCancelEdit: () => void;
}

export function cellId(gridId: string, index: number, col: number) {
  return `${gridId}-r${index}-c${col}`;
}

/** One data row; memoised so scrolling re-renders only rows entering the viewport. */
export const GridRow = memo(function GridRow(props: GridRowProps) {
  const { row, index, columns, activeCol, editing, selected } = props;
  const editingCol = editing?.col ?? null;
  const name = props.displayName(row);
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected ?? undefined}
      className={`grid-row${editingCol !== null ? " editing" : ""}${selected ? " selected" : ""}${activeCol !== null ? " has-active" : ""}`}
      style={{ transform: `translateY(${props.top}px)` }}
      data-row-id={row.id}
    >
      {columns.map((column, col) => {
        const value =
          column.key === "name" && column.virtual ? props.displayName(row) : fieldValue(row, column.key);
        const active = activeCol === col;
        const id = cellId(props.gridId, index, col);
        const source = column.virtual ? undefined : sourceOf(row, column.key);
        const text = formatValue(value, column);
        const enriched = source !== undefined && text !== "";
        return (
          // Keyboard interaction lives on the grid (aria-activedescendant); cells take pointer input.
          // biome-ignore lint/a11y/useKeyWithClickEvents: the grid container handles keys for the active cell
          <div
            role="gridcell"
            id={id}
            aria-colindex={col + 1}
            aria-describedby={enriched && editingCol !== col ? `${id}-tip` : undefined}
            key={column.key}
            style={pinStyle(props.pins[col] ?? null)}
            className={`grid-cell${props.pins[col] != null ? " pinned" : ""}${active ? " active" : ""}${column.type === "number" ? " numeric" : ""}${column.key === "name" ? " primary" : ""}${enriched ? " has-source" : ""}${enriched && source.sandbox ? " has-sandbox" : ""}`}
            onClick={() => props.onCellClick(index, col)}
            onDoubleClick={() => props.onCellDoubleClick(index, col)}
          >
            {col === 0 && selected !== null ? (
              <input
                type="checkbox"
                className="row-check"
                tabIndex={-1}
                checked={selected}
                aria-label={`Select ${name}`}
                onClick={(event) => event.stopPropagation()}
                onDoubleClick={(event) => event.stopPropagation()}
                onChange={() => props.onToggleSelect(row)}
              />
            ) : null}
            {editingCol === col ? (
              <CellEditor
                column={column}
                value={value}
                seed={editing ?? {}}
                onCommit={(next) => props.onCommit(row, column, next)}
                onCancel={props.onCancelEdit}
              />
            ) : column.key === "quality" && column.virtual ? (
              <QualityMeter score={qualityOf(row)} />
            ) : enriched ? (
              <EnrichedText
                text={text}
                source={source}
                providerName={props.providerName(source.provider)}
                tipId={`${id}-tip`}
              />
            ) : (
              // The whole value on hover: a narrow column cuts long text short.
              <span className="cell-text" title={text || undefined}>
                {text}
              </span>
            )}
            {column.key === "name" && editingCol !== col ? (
              <OpenRecordButton name={name} onOpen={() => props.onOpen(index)} />
            ) : null}
          </div>
        );
      })}
    </div>
  );
});

/** A placeholder while a page loads; hidden from assistive tech (the grid is aria-busy instead). */
export function SkeletonRow({ top, columns }: { top: number; columns: number }) {
  return (
    <div aria-hidden="true" className="grid-row skeleton" style={{ transform: `translateY(${top}px)` }}>
      {Array.from({ length: columns }, (_, col) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <div key={col} className="grid-cell">
          <span className="skeleton-bar" />
        </div>
      ))}
    </div>
  );
}
