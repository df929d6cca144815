import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { toast } from "sonner";
import { messageOf } from "../../../app/lib/trpc-error.ts";
import { useTRPC } from "../../../app/trpc.ts";
import { ConfirmDialog } from "../../../app/ui/confirm-dialog.tsx";
import { SelectField } from "../../../app/ui/select-field.tsx";
import { ErrorState, Spinner } from "../../../app/ui/states.tsx";
import { useWorkspace } from "../../workspaces/hooks/workspace-context.ts";
import { useProviders } from "../hooks/use-providers.ts";
import { type Entity, fieldLabel } from "../lib/format.ts";
import { WaterfallList } from "./waterfall-list.tsx";

/** Per entity and field: the providers tried in order, until one finds a value. */
export function WaterfallEditor() {
  const trpc = useTRPC();
  const workspace = useWorkspace();
  const queryClient = useQueryClient();
  const canEdit = workspace.can("providers.manage");
  const { query: providers } = useProviders();
  const settings = useQuery(trpc.enrichment.settings.get.queryOptions({ workspaceId: workspace.id }));
  const [entity, setEntity] = useState<Entity>("contact");
  const [field, setField] = useState<string | null>(null);
  const [draft, setDraft] = useState<string[] | null>(null);
  /** A switch of entity or field waiting for "discard the unsaved order?" to be answered. */
  const [pending, setPending] = useState<(() => void) | null>(null);
  useUnsavedWarning(draft !== null);
  const update = useMutation(
    trpc.enrichment.settings.update.mutationOptions({
      onSuccess: (next) => {
        toast.success("Waterfall saved.");
        queryClient.setQueryData(trpc.enrichment.settings.get.queryKey({ workspaceId: workspace.id }), next);
        setDraft(null);
      },
    }),
  );

  if (settings.isPending || providers.isPending) return <Spinner label="Loading waterfalls" />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  if (providers.isError)
    return <ErrorState error={providers.error} onRetry={() => void providers.refetch()} />;

  const waterfalls = settings.data.waterfalls.filter((w) => w.entity === entity);
  const current = waterfalls.find((w) => w.field === field) ?? waterfalls[0];
  if (!current) return null;
  const order = draft ?? current.configured;
  const candidates = providers.data.items.filter((p) =>
    (p.fields[entity] as readonly string[]).includes(current.field),
  );
  const apply = (next: () => void) => {
    next();
    setDraft(null);
    update.reset();
  };
  // An unsaved order is never dropped silently: switching asks first.
  const choose = (next: () => void) => (draft === null ? apply(next) : setPending(() => next));
  const save = (providerIds: string[] | null) =>
    update.mutate({
      workspaceId: workspace.id,
      data: { waterfalls: [{ entity, field: current.field, providers: providerIds }] },
    });

  return (
    <section className="card stack" aria-labelledby="waterfall-heading">
      <div>
        <h2 id="waterfall-heading">Waterfalls</h2>
        <p className="muted small">
          For each field, providers are tried in this order until one finds a value at or above the confidence
          threshold. Free built-ins go first by default; the sandbox is never added unless you add it.
        </p>
        {settings.data.testMode ? (
          <p className="notice test-run-note" role="note">
            Test mode is on: runs use the free built-ins, then the sandbox, instead of these orders. The
            orders below are kept as they are and apply again when test mode is off.
          </p>
        ) : null}
      </div>
      <div className="inline-form">
        <SelectField
          label="Records"
          value={entity}
          onChange={(e) => {
            // Read now: a controlled select shows its old value again until the switch happens.
            const next: Entity = e.target.value === "company" ? "company" : "contact";
            choose(() => {
              setEntity(next);
              setField(null);
            });
          }}
          options={[
            { value: "contact", label: "Contacts" },
            { value: "company", label: "Companies" },
          ]}
        />
        <SelectField
          label="Field"
          value={current.field}
          onChange={(e) => {
            const next = e.target.value;
            choose(() => setField(next));
          }}
          options={waterfalls.map((w) => ({
            value: w.field,
            label: `${fieldLabel(entity, w.field)}${w.isDefault ? "" : " (customised)"}`,
          }))}
        />
      </div>
      <WaterfallList
        key={`${entity}:${current.field}`}
        label={`${fieldLabel(entity, current.field)} waterfall`}
        order={order}
        candidates={candidates}
        readOnly={!canEdit}
        onChange={setDraft}
      />
      {update.isError ? (
        <p role="alert" className="form-alert">
          {messageOf(update.error)}
        </p>
      ) : null}
      {canEdit ? (
        <div className="row-gap">
          <button
            type="button"
            className="button primary"
            disabled={draft === null || update.isPending}
            onClick={() => save(order)}
          >
            {update.isPending ? "Saving…" : "Save order"}
          </button>
          <button
            type="button"
            className="button"
            disabled={current.isDefault || update.isPending}
            onClick={() => save(null)}
          >
            Reset to default
          </button>
          <span className="muted small" role="status">
            {draft !== null ? "Unsaved changes" : current.isDefault ? "Default order" : "Customised order"}
          </span>
        </div>
      ) : null}
      <ConfirmDialog
        open={pending !== null}
        title="Discard the unsaved order?"
        message={`The order you changed for ${fieldLabel(entity, current.field)} is not saved. Switching now discards it.`}
        confirmLabel="Discard changes"
        onConfirm={() => {
          const next = pending;
          setPending(null);
          if (next) apply(next);
        }}
        onCancel={() => setPending(null)}
      />
    </section>
  );
}

/** Leaving the page (reload, close, another address) with unsaved changes asks the browser's question first. */
function useUnsavedWarning(unsaved: boolean) {
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved]);
}
