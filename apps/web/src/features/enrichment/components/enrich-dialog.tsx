import type { RecordSelection } from "@quarry/records/schemas/selection";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useNavigate } from "react-router";
import { toast } from "sonner";
import { messageOf } from "../../../app/lib/trpc-error.ts";
import { useTRPC } from "../../../app/trpc.ts";
import { Dialog } from "../../../app/ui/dialog.tsx";
import { FormAlert } from "../../../app/ui/form-alert.tsx";
import { ErrorState, Spinner } from "../../../app/ui/states.tsx";
import { TableScroll } from "../../../app/ui/table-scroll.tsx";
import { useWorkspace } from "../../workspaces/hooks/workspace-context.ts";
import { useProviders } from "../hooks/use-providers.ts";
import { type Entity, formatCredits } from "../lib/format.ts";
import { nothingToFillText } from "../lib/nothing-to-fill.ts";
import { CostPreview } from "./cost-preview.tsx";
import { FieldPicker } from "./field-picker.tsx";
import { SandboxBadge } from "./sandbox-badge.tsx";
import "../enrichment.css";

interface EnrichDialogProps {
  open: boolean;
  onClose: () => void;
  entity: Entity;
  selection: RecordSelection;
  /** "2 contacts", "all 1,204 matching contacts". */
  selectionText: string;
}

export function EnrichDialog({ open, onClose, ...rest }: EnrichDialogProps) {
  return (
    <Dialog open={open} onClose={onClose} title="Enrich records" className="wide-dialog enrich-dialog">
      <EnrichForm onClose={onClose} {...rest} />
    </Dialog>
  );
}

function EnrichForm({ onClose, entity, selection, selectionText }: Omit<EnrichDialogProps, "open">) {
  const trpc = useTRPC();
  const workspace = useWorkspace();
  const navigate = useNavigate();
  const { nameOf, isSandbox } = useProviders();
  const [fields, setFields] = useState<string[]>([]);
  const [overwrite, setOverwrite] = useState(false);
  // Read fresh: which fields can be filled follows keys and provider health, which change elsewhere.
  const settings = useQuery(
    trpc.enrichment.settings.get.queryOptions({ workspaceId: workspace.id }, { staleTime: 0 }),
  );
  const balance = useQuery(
    trpc.credits.balance.get.queryOptions(
      { workspaceId: workspace.id },
      { enabled: workspace.can("credits.read"), staleTime: 0 },
    ),
  );
  const input = { workspaceId: workspace.id, entity, selection, fields, overwrite };
  const preview = useQuery(
    trpc.enrichment.runs.preview.queryOptions(input, {
      enabled: fields.length > 0,
      placeholderData: keepPreviousData,
      staleTime: 0,
    }),
  );
  const create = useMutation(
    trpc.enrichment.runs.create.mutationOptions({
      onSuccess: async (run) => {
        toast.success("Enrichment run started.");
        onClose();
        await navigate(`/w/${workspace.id}/enrichment/runs/${run.id}`);
      },
    }),
  );

  const waterfalls = settings.data?.waterfalls.filter((w) => w.entity === entity) ?? [];
  const estimate = fields.length > 0 && !preview.isPlaceholderData ? preview.data : undefined;
  const short = estimate?.available != null ? estimate.worstCaseCost > estimate.available : false;
  // A run that could fill nothing is not offered (the server refuses it too), with the reason.
  const refusal = estimate ? nothingToFillText(entity, estimate) : null;
  const testMode = settings.data?.testMode === true;

  return (
    <div className="enrich-form">
      <div className="dialog-body stack enrich-scroll">
        {testMode ? (
          <p className="notice test-run-note" role="note">
            <SandboxBadge /> <strong>Test mode is on.</strong> This is a test run: the free built-ins and then
            the sandbox fill the fields with made-up data, marked as such. No vendor is called; nothing is
            charged.
          </p>
        ) : null}
        <p className="muted">Enrich {selectionText}. Choose the fields to fill:</p>
        {settings.isPending ? <Spinner label="Loading fields" /> : null}
        {settings.isError ? (
          <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
        ) : null}
        {settings.isSuccess ? (
          <FieldPicker
            entity={entity}
            waterfalls={waterfalls}
            nameOf={nameOf}
            isSandbox={isSandbox}
            value={fields}
            onChange={setFields}
          />
        ) : null}
        <label className="toggle-row">
          <input
            type="checkbox"
            checked={overwrite}
            onChange={(event) => setOverwrite(event.target.checked)}
          />
          <span>
            <strong>Replace existing values</strong>
            <span className="muted small block">
              Off: only empty fields are filled. On: fields that already hold a value are looked up too, and a
              value found replaces what is there.
            </span>
          </span>
        </label>
        <section aria-labelledby="cost-heading" className="stack">
          <h3 id="cost-heading">Cost preview</h3>
          {fields.length === 0 ? (
            <p className="muted">Pick at least one field to see what it costs.</p>
          ) : null}
          {fields.length > 0 && preview.isFetching && !estimate ? (
            <Spinner label="Working out the cost" />
          ) : null}
          {preview.isError ? (
            <ErrorState error={preview.error} onRetry={() => void preview.refetch()} />
          ) : null}
          {estimate ? (
            <TableScroll label="Cost preview">
              <CostPreview entity={entity} estimate={estimate} held={balance.data?.held ?? null} />
            </TableScroll>
          ) : null}
        </section>
        {refusal ? (
          <p className="form-alert" role="alert">
            {refusal}
          </p>
        ) : null}
        <FormAlert message={create.isError ? messageOf(create.error) : null} />
      </div>
      <div className="dialog-actions enrich-footer">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className={short ? "button danger" : "button primary"}
          disabled={!estimate || refusal !== null || create.isPending}
          onClick={() => create.mutate(input)}
        >
          {create.isPending
            ? "Starting…"
            : estimate
              ? `${short ? "Start anyway" : testMode ? "Start test run" : "Start enrichment"} · up to ${formatCredits(estimate.worstCaseCost)}`
              : testMode
                ? "Start test run"
                : "Start enrichment"}
        </button>
      </div>
    </div>
  );
}
