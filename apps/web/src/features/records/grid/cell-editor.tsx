import { useEffect, useId, useRef, useState } from "react";
import { fieldErrorsOf, messageOf } from "../../../app/lib/trpc-error.ts";
import type { ColumnDef } from "../entities/types.ts";
import { editText } from "../entities/values.ts";

interface CellEditorProps {
  column: ColumnDef;
  value: unknown;
  /** Saves the text; rejects with the server's error to keep the editor open. */
  onCommit: (text: string) => Promise<void>;
  onCancel: () => void;
}

/** The input that replaces a cell while editing: Enter saves, Escape cancels, Tab/blur saves if changed. */
export function CellEditor({ column, value, onCommit, onCancel }: CellEditorProps) {
  const initial = editText(value);
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const errorId = useId();

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  async function commit() {
    if (saving) return;
    if (text === initial) {
      onCancel();
      return;
    }
    setSaving(true);
    try {
      await onCommit(text);
    } catch (caught) {
      setError(fieldErrorsOf(caught)[column.key] ?? messageOf(caught));
      setSaving(false);
      input.current?.focus();
    }
  }

  return (
    <div className="cell-editor">
      <input
        ref={input}
        aria-label={column.label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        type={column.type === "number" ? "text" : column.type === "email" ? "email" : "text"}
        inputMode={column.type === "number" ? "decimal" : undefined}
        value={text}
        disabled={saving}
        onChange={(event) => {
          setText(event.target.value);
          setError(null);
        }}
        onKeyDown={(event) => {
          event.stopPropagation();
          if (event.key === "Enter") {
            event.preventDefault();
            void commit();
          } else if (event.key === "Escape") {
            event.preventDefault();
            onCancel();
          }
        }}
        onBlur={() => {
          if (!error) void commit();
        }}
      />
      {error ? (
        <p id={errorId} role="alert" className="cell-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
