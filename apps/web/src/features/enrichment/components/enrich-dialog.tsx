import type { RecordSelection } from "@quarry/records/schemas/selection";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useNavigate } from "react-router";
import { messageOf } from "../../../app/lib/trpc-error.ts";
import { useTRPC } from "../../../app/trpc.ts";
import { Dialog } from "../../../app/ui/dialog.tsx";
import { FormAlert } from "../../../app/ui/form-alert.tsx";
import { ErrorState, Spinner } from "../../../app/ui/states.tsx";
import { TableScroll } from "../../../app/ui/table-scroll.tsx";
import { useWorkspace } from "../../workspaces/hooks/workspace-context.ts";
import { useProviders } from "../hooks/use-providers.ts";
import { type Entity, formatCredits } from "../lib/format.ts";
import { CostPreview } from "./cost-preview.tsx";
import { FieldPicker } from "./field-picker.tsx";
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
    <Dialog open={open} onClose={onClose} title="Enrich records" className="wide-dialog">
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
  const settings = useQuery(trpc.enrichment.settings.get.queryOptions({ workspaceId: workspace.id }));
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
        onClose();
        await navigate(`/w/${workspace.id}/enrichment/runs/${run.id}`);
      },
    }),
  );

  const waterfalls = settings.data?.waterfalls.filter((w) => w.entity === entity) ?? [];
  const estimate = fields.length > 0 && !preview.isPlaceholderData ? preview.data : undefined;
  const short = estimate?.available != null ? estimate.worstCaseCost > estimate.available : false;

  return (
    <div className="dialog-body stack">
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
        <input type="checkbox" checked={overwrite} onChange={(event) => setOverwrite(event.target.checked)} />
        <span>
          <strong>Replace values people typed</strong>
          <span className="muted small block">
            Off: only empty fields are filled. On: fields that already hold a value are looked up too, and a
            value found replaces what is there.
          </span>
        </span>
      </label>
      <section aria-labelledby="cost-heading" className="stack">
        <h3 id="cost-heading">Cost preview</h3>
        {fields.length === 0 ? <p className="muted">Pick at least one field to see what it costs.</p> : null}
        {fields.length > 0 && preview.isFetching && !estimate ? (
          <Spinner label="Working out the cost" />
        ) : null}
        {preview.isError ? <ErrorState error={preview.error} onRetry={() => void preview.refetch()} /> : null}
        {estimate ? (
          <TableScroll label="Cost preview">
            <CostPreview entity={entity} estimate={estimate} held={balance.data?.held ?? null} />
          </TableScroll>
        ) : null}
      </section>
      <FormAlert message={create.isError ? messageOf(create.error) : null} />
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className={short ? "button danger" : "button primary"}
          disabled={!estimate || create.isPending}
          onClick={() => create.mutate(input)}
        >
          {create.isPending
            ? "Starting…"
            : estimate
              ? `${short ? "Start anyway" : "Start enrichment"} · up to ${formatCredits(estimate.worstCaseCost)}`
              : "Start enrichment"}
        </button>
      </div>
    </div>
  );
}
