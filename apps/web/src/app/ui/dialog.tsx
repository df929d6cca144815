import { type ReactNode, useEffect, useRef } from "react";

interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  className?: string;
  /** Hide the visible heading (the dialog keeps `title` as its accessible name). */
  hideTitle?: boolean;
}

/**
 * A modal built on <dialog>.showModal(): the browser makes the page behind it inert (focus stays
 * inside), Escape closes it, and focus returns to where it was.
 */
export function Dialog({ open, onClose, title, children, className, hideTitle }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      return () => {
        if (dialog.open) dialog.close();
        opener?.focus();
      };
    }
    return undefined;
  }, [open]);

  if (!open) return null;
  return (
    <dialog
      ref={ref}
      className={`dialog${className ? ` ${className}` : ""}`}
      aria-label={title}
      onCancel={(event) => {
        event.preventDefault();
        // React passes a nested dialog's cancel up to this one: Escape closes only the top dialog.
        if (event.target !== event.currentTarget) return;
        onCloseRef.current();
      }}
    >
      <div className="dialog-header">
        <h2 className={hideTitle ? "visually-hidden" : undefined}>{title}</h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={() => onCloseRef.current()}>
          ×
        </button>
      </div>
      {children}
    </dialog>
  );
}
