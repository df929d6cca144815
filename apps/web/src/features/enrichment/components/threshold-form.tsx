import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { formErrors } from "../../../app/lib/trpc-error.ts";
import { useTRPC } from "../../../app/trpc.ts";
import { FormAlert } from "../../../app/ui/form-alert.tsx";
import { TextField } from "../../../app/ui/text-field.tsx";
import { useWorkspace } from "../../workspaces/hooks/workspace-context.ts";

/** The confidence (0–100) at or above which a provider's value counts as found. */
export function ThresholdForm() {
  const trpc = useTRPC();
  const workspace = useWorkspace();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.enrichment.settings.get.queryOptions({ workspaceId: workspace.id }));
  const [text, setText] = useState<string | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const update = useMutation(
    trpc.enrichment.settings.update.mutationOptions({
      onSuccess: (next) => {
        toast.success("Confidence threshold saved.");
        queryClient.setQueryData(trpc.enrichment.settings.get.queryKey({ workspaceId: workspace.id }), next);
        setText(null);
      },
    }),
  );
  const errors = formErrors(update.error, ["confidenceThreshold"]);
  const value = text ?? String(settings.data?.confidenceThreshold ?? "");
  const canEdit = workspace.can("providers.manage");

  function submit(event: FormEvent) {
    event.preventDefault();
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0 || n > 100) {
      setLocalError("must be a whole number from 0 to 100");
      return;
    }
    setLocalError(null);
    update.mutate({ workspaceId: workspace.id, data: { confidenceThreshold: n } });
  }

  return (
    <section className="card" aria-labelledby="threshold-heading">
      <h2 id="threshold-heading">Confidence threshold</h2>
      <form className="inline-form" noValidate onSubmit={submit}>
        <TextField
          label="Minimum confidence (0–100)"
          inputMode="numeric"
          value={value}
          readOnly={!canEdit}
          hint="A value below this counts as not found, and the next provider in the waterfall is tried."
          onChange={(event) => setText(event.target.value)}
          error={localError ?? errors.fields.confidenceThreshold}
        />
        {canEdit ? (
          <button type="submit" className="button primary" disabled={update.isPending || text === null}>
            {update.isPending ? "Saving…" : "Save"}
          </button>
        ) : null}
      </form>
      <FormAlert message={errors.general} />
      <div role="status" className="status-line">
        {update.isSuccess && text === null ? "Saved." : null}
      </div>
    </section>
  );
}
