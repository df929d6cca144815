import type { MouseEvent, TouchEvent } from "react";
import { maxColumnWidth, minColumnWidth } from "./use-grid-columns.ts";

interface ColumnResizerProps {
  label: string;
  width: number;
  /** TanStack Table's drag handler (mouse and touch). */
  onPointerStart: (event: unknown) => void;
  onResize: (width: number) => void;
}

/**
 * The drag handle on a header's right edge; also a focusable separator that arrow keys resize
 * (10 px a press, 50 with Shift).
 */
export function ColumnResizer({ label, width, onPointerStart, onResize }: ColumnResizerProps) {
  const start = (event: MouseEvent | TouchEvent) => {
    event.stopPropagation();
    // No native drag (the header reorders by drag) and no text selection while resizing.
    if (event.type === "mousedown") event.preventDefault();
    onPointerStart(event);
  };
  return (
    // biome-ignore lint/a11y/useSemanticElements: a focusable separator is the ARIA pattern for a resize handle
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={`Resize ${label}`}
      aria-valuenow={Math.round(width)}
      aria-valuemin={minColumnWidth}
      aria-valuemax={maxColumnWidth}
      tabIndex={0}
      className="column-resizer"
      draggable={false}
      onMouseDown={start}
      onTouchStart={start}
      onDragStart={(event) => event.preventDefault()}
      onClick={(event) => event.stopPropagation()}
      onKeyDown={(event) => {
        const step = event.shiftKey ? 50 : 10;
        const delta = event.key === "ArrowRight" ? step : event.key === "ArrowLeft" ? -step : 0;
        if (delta === 0) return;
        event.preventDefault();
        event.stopPropagation();
        onResize(Math.max(minColumnWidth, Math.min(maxColumnWidth, width + delta)));
      }}
    />
  );
}
