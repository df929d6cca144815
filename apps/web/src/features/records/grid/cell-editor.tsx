import { useEffect, useId, useRef, useState } from "react";
import type { ColumnDef } from "../entities/types.ts";
import { editText } from "../entities/values.ts";

export interface EditState {
  row: number;
  col: number;
  /** Text to start from instead of the cell's value (a typed character, or a failed save's text). */
  text?: string;
  /** A failed save's error, shown again when the editor reopens. */
  error?: string;
}

interface CellEditorProps {
  column: ColumnDef;
  value: unknown;
  seed: Pick<EditState, "text" | "error">;
  /**
   * Checks and saves the text: returns an error sentence to keep the editor open, or null when the
   * value is accepted (the save then runs in the background; the editor closes at once).
   */
  onCommit: (text: string) => string | null;
  onCancel: () => void;
}

/**
 * The input that replaces a cell while editing: Enter saves, Escape cancels, Tab/blur saves if
 * changed. An invalid value keeps focus here, marked aria-invalid and described by its error.
 */
export function CellEditor({ column, value, seed, onCommit, onCancel }: CellEditorProps) {
  const initial = editText(value);
  const [text, setText] = useState(seed.text ?? initial);
  const [error, setError] = useState<string | null>(seed.error ?? null);
  const input = useRef<HTMLInputElement>(null);
  // Set once the edit has been saved or cancelled: the blur that follows must not save again.
  const done = useRef(false);
  const errorId = useId();

  useEffect(() => {
    const element = input.current;
    if (!element) return;
    element.focus();
    if (seed.text === undefined) element.select();
    else element.setSelectionRange(element.value.length, element.value.length);
  }, [seed.text]);

  function commit(): boolean {
    if (done.current) return true;
    if (text === initial && !seed.error) {
      done.current = true;
      onCancel();
      return true;
    }
    const problem = onCommit(text);
    if (problem) {
      setError(problem);
      input.current?.focus();
      return false;
    }
    done.current = true;
    return true;
  }

  function cancel() {
    done.current = true;
    onCancel();
  }

  return (
    <div className="cell-editor">
      <input
        ref={input}
        aria-label={column.label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        type="text"
        inputMode={column.type === "number" ? "decimal" : column.type === "email" ? "email" : undefined}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setError(null);
        }}
        onKeyDown={(event) => {
          event.stopPropagation();
          if (event.key === "Enter") {
            event.preventDefault();
            commit();
          } else if (event.key === "Escape") {
            event.preventDefault();
            cancel();
          } else if (event.key === "Tab" && !commit()) {
            event.preventDefault();
          }
        }}
        onBlur={() => {
          // Leaving an invalid value keeps the editor (and its error) for the user to come back to.
          if (!error) commit();
        }}
      />
      <p
        id={errorId}
        role="status"
        aria-live="assertive"
        className={error ? "cell-error" : "visually-hidden"}
      >
        {error ?? ""}
      </p>
    </div>
  );
}
