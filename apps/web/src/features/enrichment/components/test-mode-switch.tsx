import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { messageOf } from "../../../app/lib/trpc-error.ts";
import { useTRPC } from "../../../app/trpc.ts";
import { useWorkspace } from "../../workspaces/hooks/workspace-context.ts";
import "../newcomer.css";
import { SandboxBadge } from "./sandbox-badge.tsx";

/**
 * Test mode in one switch: on, every field is filled by the free built-ins and then the sandbox
 * (made-up data, marked as such); vendors are not called and nothing is charged. Off gives back
 * the waterfalls exactly as they were. Managers switch it; everyone else sees whether it is on.
 */
export function TestModeSwitch({ compact = false }: { compact?: boolean }) {
  const trpc = useTRPC();
  const workspace = useWorkspace();
  const queryClient = useQueryClient();
  const input = { workspaceId: workspace.id };
  const settings = useQuery(trpc.enrichment.settings.get.queryOptions(input));
  const update = useMutation(
    trpc.enrichment.settings.update.mutationOptions({
      onSuccess: async (next) => {
        queryClient.setQueryData(trpc.enrichment.settings.get.queryKey(input), next);
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.enrichment.onboarding.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.enrichment.runs.preview.pathKey() }),
        ]);
      },
    }),
  );
  const on = settings.data?.testMode ?? false;
  const canSwitch = workspace.can("providers.manage");
  return (
    <div className={`test-mode${on ? " on" : ""}${compact ? " compact" : ""}`}>
      <label className="switch-row">
        <input
          type="checkbox"
          role="switch"
          checked={on}
          aria-checked={on}
          aria-describedby={compact ? undefined : "test-mode-help"}
          disabled={!canSwitch || !settings.isSuccess || update.isPending}
          onChange={(event) => update.mutate({ ...input, data: { testMode: event.target.checked } })}
        />
        <span>
          <strong>Test mode</strong> {on ? <SandboxBadge /> : null}
        </span>
      </label>
      {compact ? null : (
        <p id="test-mode-help" className="muted small">
          {on
            ? "On: fields are filled by the free built-ins, then by the sandbox with made-up data marked “Sandbox — test data”. No vendor is called and nothing is charged. Turn it off to go back to your waterfalls exactly as they were."
            : "Try enrichment without a vendor key: the sandbox joins every field's waterfall with made-up data, clearly marked, at no cost. Your waterfalls are kept and come back when you turn it off."}
          {canSwitch ? "" : " Owners and admins can switch it."}
        </p>
      )}
      {update.isError ? (
        <p role="alert" className="form-alert">
          {messageOf(update.error)}
        </p>
      ) : null}
    </div>
  );
}
