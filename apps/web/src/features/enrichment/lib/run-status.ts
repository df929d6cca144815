import type { RouterOutputs } from "../../../app/trpc.ts";

export type Run = RouterOutputs["enrichment"]["runs"]["get"];
export type RunStatus = Run["status"];

const finished: ReadonlySet<RunStatus> = new Set(["cancelled", "completed", "failed", "stopped"]);

export function isFinished(status: RunStatus): boolean {
  return finished.has(status);
}

export const statusLabel: Record<RunStatus, string> = {
  queued: "Queued",
  running: "Running",
  cancelling: "Stopping…",
  cancelled: "Cancelled",
  completed: "Completed",
  failed: "Failed",
  stopped: "Stopped",
};

export const statusTone: Record<RunStatus, "accent" | "danger" | "success" | "neutral"> = {
  queued: "neutral",
  running: "accent",
  cancelling: "danger",
  cancelled: "neutral",
  completed: "success",
  failed: "danger",
  stopped: "danger",
};
