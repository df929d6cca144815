import { Dialog } from "../../../app/ui/dialog.tsx";
import type { ColumnDef } from "../entities/types.ts";

interface ColumnChooserProps {
  open: boolean;
  onClose: () => void;
  columns: readonly { column: ColumnDef; visible: boolean }[];
  onToggle: (key: string) => void;
  onMove: (key: string, delta: -1 | 1) => void;
  onReset: () => void;
}

export function ColumnChooser({ open, onClose, columns, onToggle, onMove, onReset }: ColumnChooserProps) {
  const visibleCount = columns.filter((entry) => entry.visible).length;
  return (
    <Dialog open={open} onClose={onClose} title="Columns" className="columns-dialog">
      <div className="dialog-body stack">
        <p className="muted small">
          Choose which columns show (kept in the page's link) and in what order (saved on this device).
        </p>
        <ol className="column-list" aria-label="Columns">
          {columns.map(({ column, visible }, index) => (
            <li key={column.key} className="column-item">
              <label>
                <input
                  type="checkbox"
                  checked={visible}
                  disabled={visible && visibleCount === 1}
                  onChange={() => onToggle(column.key)}
                />
                {column.label}
              </label>
              <span className="row-gap">
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Move ${column.label} up`}
                  aria-disabled={index === 0}
                  onClick={() => onMove(column.key, -1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Move ${column.label} down`}
                  aria-disabled={index === columns.length - 1}
                  onClick={() => onMove(column.key, 1)}
                >
                  ↓
                </button>
              </span>
            </li>
          ))}
        </ol>
        <div className="dialog-actions spread">
          <button type="button" className="button" onClick={onReset}>
            Reset to default
          </button>
          <button type="button" className="button primary" onClick={onClose}>
            Done
          </button>
        </div>
      </div>
    </Dialog>
  );
}
