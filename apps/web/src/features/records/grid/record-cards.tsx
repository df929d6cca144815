import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef } from "react";
import type { ColumnDef, RecordRow } from "../entities/types.ts";
import { fieldValue, formatValue } from "../entities/values.ts";
import { SelectAllBox } from "./grid-header.tsx";
import type { GridSelection } from "./record-grid.tsx";

const cardHeight = 96;

interface RecordCardsProps {
  label: string;
  columns: readonly ColumnDef[];
  rows: readonly RecordRow[];
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
  displayName: (row: RecordRow) => string;
  onOpen: (row: RecordRow) => void;
  selection: GridSelection | null;
}

/**
 * The list on a narrow screen: one card per record with its first visible fields, a checkbox to
 * select it and an Open button (editing happens in the record panel). Virtualised like the grid.
 */
export function RecordCards(props: RecordCardsProps) {
  const { rows, hasNextPage, isFetchingNextPage, fetchNextPage } = props;
  const scrollRef = useRef<HTMLUListElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => cardHeight,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= rows.length - 20) fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, lastIndex, rows.length, fetchNextPage]);

  const details = props.columns.filter((column) => column.key !== "name" && !column.virtual).slice(0, 3);
  return (
    <>
      {props.selection ? (
        // biome-ignore lint/a11y/noLabelWithoutControl: the checkbox inside is the control
        <label className="record-cards-bar">
          <SelectAllBox state={props.selection.selectAll} />
          <span aria-hidden="true">Select all</span>
        </label>
      ) : null}
      <ul ref={scrollRef} className="record-cards" aria-label={props.label} aria-busy={isFetchingNextPage}>
        <li aria-hidden="true" style={{ height: virtualizer.getTotalSize() }} />
        {items.map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          const name = props.displayName(row);
          return (
            <li
              key={row.id}
              className="record-card"
              style={{ height: cardHeight - 8, transform: `translateY(${item.start}px)` }}
            >
              {props.selection ? (
                <input
                  type="checkbox"
                  className="row-check record-card-check"
                  checked={props.selection.isSelected(row.id)}
                  aria-label={`Select ${name}`}
                  onChange={() => props.selection?.toggle(row)}
                />
              ) : null}
              <div className="record-card-body">
                <p className="record-card-title">{name}</p>
                {details.map((column) => {
                  const text = formatValue(fieldValue(row, column.key), column);
                  return text ? (
                    <p key={column.key} className="record-card-line" title={text}>
                      <span className="visually-hidden">{column.label}: </span>
                      {text}
                    </p>
                  ) : null;
                })}
              </div>
              <button
                type="button"
                className="button small"
                aria-label={`Open ${name}`}
                onClick={() => props.onOpen(row)}
              >
                Open
              </button>
            </li>
          );
        })}
      </ul>
    </>
  );
}
