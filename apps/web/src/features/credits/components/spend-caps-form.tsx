import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { formErrors } from "../../../app/lib/trpc-error.ts";
import { useTRPC } from "../../../app/trpc.ts";
import { FormAlert } from "../../../app/ui/form-alert.tsx";
import { ErrorState, Spinner } from "../../../app/ui/states.tsx";
import { TextField } from "../../../app/ui/text-field.tsx";
import { useWorkspace } from "../../workspaces/hooks/workspace-context.ts";

type Parsed = { ok: true; value: number | null } | { ok: false; error: string };

function parseCap(text: string): Parsed {
  const trimmed = text.replaceAll(",", "").trim();
  if (trimmed === "") return { ok: true, value: null };
  const n = Number(trimmed);
  if (!Number.isInteger(n) || n <= 0) {
    return { ok: false, error: "must be a positive whole number (or empty for no cap)" };
  }
  return { ok: true, value: n };
}

const capText = (cap: number | null) => (cap === null ? "" : String(cap));

/** Hard limits: a run stops at its cap, and no run spends past the monthly cap. */
export function SpendCapsForm() {
  const trpc = useTRPC();
  const workspace = useWorkspace();
  const queryClient = useQueryClient();
  const canEdit = workspace.can("credits.manage");
  const key = trpc.credits.settings.get.queryKey({ workspaceId: workspace.id });
  const settings = useQuery(trpc.credits.settings.get.queryOptions({ workspaceId: workspace.id }));
  const [draft, setDraft] = useState<{ runCap: string; monthlyCap: string } | null>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const update = useMutation(
    trpc.credits.settings.update.mutationOptions({
      onSuccess: (next) => {
        toast.success("Spend caps saved.");
        queryClient.setQueryData(key, next);
        setDraft(null);
      },
    }),
  );
  const errors = formErrors(update.error, ["runCap", "monthlyCap"]);
  if (settings.isPending) return <Spinner label="Loading spend caps" />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  const values = draft ?? {
    runCap: capText(settings.data.runCap),
    monthlyCap: capText(settings.data.monthlyCap),
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    const runCap = parseCap(values.runCap);
    const monthlyCap = parseCap(values.monthlyCap);
    const next: Record<string, string> = {};
    if (!runCap.ok) next.runCap = runCap.error;
    if (!monthlyCap.ok) next.monthlyCap = monthlyCap.error;
    setLocal(next);
    if (runCap.ok && monthlyCap.ok) {
      update.mutate({
        workspaceId: workspace.id,
        data: { runCap: runCap.value, monthlyCap: monthlyCap.value },
      });
    }
  }

  return (
    <section className="card stack" aria-labelledby="caps-heading">
      <div>
        <h2 id="caps-heading">Spend caps</h2>
        <p className="muted small">
          Hard limits. A run that reaches a cap stops, with the cap named as the reason. Empty means no cap.
        </p>
      </div>
      <form className="inline-form" noValidate onSubmit={submit}>
        <TextField
          label="Per run (credits)"
          inputMode="numeric"
          value={values.runCap}
          readOnly={!canEdit}
          placeholder="No cap"
          onChange={(e) => setDraft({ ...values, runCap: e.target.value })}
          error={local.runCap ?? errors.fields.runCap}
        />
        <TextField
          label="Per calendar month, UTC (credits)"
          inputMode="numeric"
          value={values.monthlyCap}
          readOnly={!canEdit}
          placeholder="No cap"
          onChange={(e) => setDraft({ ...values, monthlyCap: e.target.value })}
          error={local.monthlyCap ?? errors.fields.monthlyCap}
        />
        {canEdit ? (
          <button type="submit" className="button primary" disabled={update.isPending || draft === null}>
            {update.isPending ? "Saving…" : "Save caps"}
          </button>
        ) : null}
      </form>
      <FormAlert message={errors.general} />
      <div role="status" className="status-line">
        {update.isSuccess && draft === null ? "Spend caps saved." : null}
      </div>
    </section>
  );
}
