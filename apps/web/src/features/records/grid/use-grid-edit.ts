import { useCallback, useRef, useState } from "react";
import { fieldErrorsOf, messageOf } from "../../../app/lib/trpc-error.ts";
import type { ColumnDef, RecordRow } from "../entities/types.ts";
import type { EditState } from "./cell-editor.tsx";

interface GridEditOptions {
  rows: readonly RecordRow[];
  columns: readonly ColumnDef[];
  /** An error sentence naming the field, or null when the text is a valid value. */
  validate: (column: ColumnDef, text: string) => string | null;
  /** Saves in the background (the page updates the row at once and reverts it on failure). */
  onSave: (row: RecordRow, column: ColumnDef, text: string) => Promise<void>;
  focusGrid: () => void;
  setActive: (cell: { row: number; col: number }) => void;
}

/**
 * The cell being edited and how an edit ends. Saving is optimistic: a valid value closes the
 * editor at once and the grid takes clicks and keys while the server answers; if the server
 * refuses, the editor reopens on that cell with the typed text and the server's reason.
 */
export function useGridEdit(options: GridEditOptions) {
  const [editing, setEditing] = useState<EditState | null>(null);
  const latest = useRef(options);
  latest.current = options;

  const commit = useCallback((row: RecordRow, column: ColumnDef, text: string): string | null => {
    const { validate, onSave, focusGrid } = latest.current;
    const problem = validate(column, text);
    if (problem) return problem;
    setEditing(null);
    focusGrid();
    onSave(row, column, text).catch((caught: unknown) => {
      const { rows, columns, setActive } = latest.current;
      const rowIndex = rows.findIndex((candidate) => candidate.id === row.id);
      const col = columns.findIndex((candidate) => candidate.key === column.key);
      if (rowIndex < 0 || col < 0) return;
      const reason = fieldErrorsOf(caught)[column.key];
      const error = reason ? `${column.label} ${reason}` : messageOf(caught);
      setActive({ row: rowIndex, col });
      setEditing({ row: rowIndex, col, text, error });
    });
    return null;
  }, []);

  const cancel = useCallback(() => {
    setEditing(null);
    latest.current.focusGrid();
  }, []);

  return { editing, setEditing, commit, cancel };
}
