interface Cell {
  row: number;
  col: number;
}

/** The cell an arrow, Home/End or Page key moves to, or null when the key isn't a move. */
export function nextCell(
  event: { key: string; ctrlKey: boolean; metaKey: boolean },
  from: Cell,
  size: { rows: number; cols: number; page: number },
): Cell | null {
  const clampRow = (row: number) => Math.max(0, Math.min(size.rows - 1, row));
  const clampCol = (col: number) => Math.max(0, Math.min(size.cols - 1, col));
  const modifier = event.ctrlKey || event.metaKey;
  switch (event.key) {
    case "ArrowDown":
      return { row: clampRow(from.row + 1), col: from.col };
    case "ArrowUp":
      return { row: clampRow(from.row - 1), col: from.col };
    case "ArrowRight":
      return { row: from.row, col: clampCol(from.col + 1) };
    case "ArrowLeft":
      return { row: from.row, col: clampCol(from.col - 1) };
    case "PageDown":
      return { row: clampRow(from.row + size.page), col: from.col };
    case "PageUp":
      return { row: clampRow(from.row - size.page), col: from.col };
    case "Home":
      return modifier ? { row: 0, col: 0 } : { row: from.row, col: 0 };
    case "End":
      return modifier ? { row: size.rows - 1, col: size.cols - 1 } : { row: from.row, col: size.cols - 1 };
    default:
      return null;
  }
}
