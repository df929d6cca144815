import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { messageOf } from "../../../app/lib/trpc-error.ts";
import { useTRPC } from "../../../app/trpc.ts";
import { FormAlert } from "../../../app/ui/form-alert.tsx";
import { ErrorState } from "../../../app/ui/states.tsx";
import { useWorkspace } from "../../workspaces/hooks/workspace-context.ts";

/**
 * Workspace setting: whether a contact whose domain matches no company gets one created. Turning
 * it on also links the workspace's existing contacts in the background.
 */
export function CompanyLinkingSettings() {
  const trpc = useTRPC();
  const workspace = useWorkspace();
  const queryClient = useQueryClient();
  const input = { workspaceId: workspace.id };
  const settings = useQuery(trpc.records.settings.get.queryOptions(input));
  const update = useMutation(
    trpc.records.settings.update.mutationOptions({
      onSuccess: (next) => queryClient.setQueryData(trpc.records.settings.get.queryKey(input), next),
    }),
  );
  const canEdit = workspace.can("workspace.update");
  // While saving, the box shows the value being saved. Set in the change handler itself: the
  // mutation's own state arrives a tick later, and a controlled box would flick back meanwhile.
  const [saving, setSaving] = useState<boolean | null>(null);
  const checked = saving ?? settings.data?.autoCreateCompanies ?? true;

  return (
    <section className="card" aria-labelledby="company-linking-heading">
      <h2 id="company-linking-heading">Workspace settings: companies</h2>
      {settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      ) : null}
      <label className="checkbox-label">
        <input
          type="checkbox"
          checked={checked}
          disabled={!canEdit || settings.isPending || update.isPending}
          aria-describedby="company-linking-hint"
          onChange={(event) => {
            setSaving(event.target.checked);
            update.mutate(
              { ...input, data: { autoCreateCompanies: event.target.checked } },
              { onSettled: () => setSaving(null) },
            );
          }}
        />{" "}
        Create a company for each new contact domain
      </label>
      <p id="company-linking-hint" className="muted small">
        Contacts join the company whose domain matches their company domain, or their email's domain
        (free-mail addresses such as gmail.com never count). When this is on, a domain without a company gets
        one, and existing contacts are linked in the background.
        {canEdit ? null : " Only owners and admins can change this."}
      </p>
      <FormAlert message={update.isError ? messageOf(update.error) : null} />
      <div role="status" className="status-line">
        {update.isSuccess
          ? checked
            ? "Saved: companies are created."
            : "Saved: no companies are created."
          : null}
      </div>
    </section>
  );
}
