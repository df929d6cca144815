import { Dialog } from "./dialog.tsx";

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  pending?: boolean;
  error?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog(props: ConfirmDialogProps) {
  return (
    <Dialog open={props.open} onClose={props.onCancel} title={props.title}>
      <div className="dialog-body stack">
        <p className="confirm-message">{props.message}</p>
        {props.error ? (
          <p role="alert" className="form-alert">
            {props.error}
          </p>
        ) : null}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={props.onCancel}>
          Cancel
        </button>
        <button type="button" className="button danger" disabled={props.pending} onClick={props.onConfirm}>
          {props.pending ? "Working…" : props.confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
