import { type RunStatus, statusLabel, statusTone } from "../lib/run-status.ts";

export function RunStatusBadge({ status }: { status: RunStatus }) {
  return <span className={`badge status-${statusTone[status]}`}>{statusLabel[status]}</span>;
}
