/** The row's own control for opening its record panel (the grid's Space key does the same). */
export function OpenRecordButton({ name, onOpen }: { name: string; onOpen: () => void }) {
  return (
    <button
      type="button"
      className="open-record"
      tabIndex={-1}
      aria-label={`Open ${name}`}
      title={`Open ${name}`}
      onClick={(event) => {
        event.stopPropagation();
        onOpen();
      }}
      onDoubleClick={(event) => event.stopPropagation()}
    />
  );
}
