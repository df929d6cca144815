import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { messageOf } from "../../../app/lib/trpc-error.ts";
import { useTRPC } from "../../../app/trpc.ts";
import { ConfirmDialog } from "../../../app/ui/confirm-dialog.tsx";
import { useWorkspace } from "../../workspaces/hooks/workspace-context.ts";
import type { Run } from "../lib/run-status.ts";

/**
 * "Stop run": asks first, then cancels. Shows "Stopping…" (disabled) from the click until the
 * run reports cancelled, so a second click can't look like the first one was ignored.
 */
export function StopRunButton({ run }: { run: Run }) {
  const trpc = useTRPC();
  const workspace = useWorkspace();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const cancel = useMutation(
    trpc.enrichment.runs.cancel.mutationOptions({
      onSuccess: (updated) => {
        toast.success("Enrichment run stopped.");
        setConfirming(false);
        queryClient.setQueryData(
          trpc.enrichment.runs.get.queryKey({ workspaceId: workspace.id, id: run.id }),
          updated,
        );
      },
    }),
  );
  const stopping = run.status === "cancelling" || cancel.isPending || cancel.isSuccess;
  return (
    <>
      <button
        type="button"
        className="button danger large"
        disabled={stopping}
        onClick={() => setConfirming(true)}
      >
        {stopping ? "Stopping…" : "Stop run"}
      </button>
      <ConfirmDialog
        open={confirming}
        title="Stop this run?"
        message="No new lookups start once you stop, and lookups in flight are aborted. Values already found are kept and stay charged; nothing else is charged, and credits set aside are released."
        confirmLabel="Stop run"
        pending={cancel.isPending}
        error={cancel.isError ? messageOf(cancel.error) : null}
        onCancel={() => {
          setConfirming(false);
          cancel.reset();
        }}
        onConfirm={() => cancel.mutate({ workspaceId: workspace.id, id: run.id })}
      />
    </>
  );
}
