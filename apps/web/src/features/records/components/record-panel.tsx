import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useRef, useState } from "react";
import { toast } from "sonner";
import { messageOf } from "../../../app/lib/trpc-error.ts";
import { useTRPC } from "../../../app/trpc.ts";
import { ConfirmDialog } from "../../../app/ui/confirm-dialog.tsx";
import { Dialog } from "../../../app/ui/dialog.tsx";
import { ErrorState, Notice } from "../../../app/ui/states.tsx";
import { EnrichDialog } from "../../enrichment/components/enrich-dialog.tsx";
import type { ColumnDef, EntityConfig, RecordPatch, RecordRow } from "../entities/types.ts";
import { fieldValue } from "../entities/values.ts";
import { recordKeys } from "../hooks/record-keys.ts";
import type { RecordApi } from "../hooks/use-record-api.ts";
import { useRecordCache } from "../hooks/use-record-cache.ts";
import { ActivityTimeline } from "./activity-timeline.tsx";
import { CompanyContacts } from "./company-contacts.tsx";
import { RecordForm } from "./record-form.tsx";
import { RecordSources } from "./record-sources.tsx";

interface RecordPanelProps {
  row: RecordRow;
  config: EntityConfig;
  columns: readonly ColumnDef[];
  workspaceId: string;
  api: RecordApi;
  canWrite: boolean;
  canDelete: boolean;
  canEnrich: boolean;
  providerName: (id: string) => string;
  onClose: () => void;
}

/** The side panel: every field (editable for writers), delete/restore, and the activity timeline. */
export function RecordPanel({
  row,
  config,
  columns,
  workspaceId,
  api,
  canWrite,
  canDelete,
  canEnrich,
  providerName,
  onClose,
}: RecordPanelProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const cache = useRecordCache(config.key, workspaceId);
  const [confirming, setConfirming] = useState(false);
  const [enriching, setEnriching] = useState(false);
  // Unsaved edits in the form: closing (Escape, ×) asks before throwing them away.
  // A ref, not state: Escape can arrive before React would render a state change.
  const dirtyNow = useRef(false);
  const onDirtyChange = useCallback((value: boolean) => {
    dirtyNow.current = value;
  }, []);
  const [discarding, setDiscarding] = useState(false);
  const requestClose = () => (dirtyNow.current ? setDiscarding(true) : onClose());
  const detail = useQuery({
    queryKey: recordKeys.detail(config.key, workspaceId, row.id),
    queryFn: ({ signal }) => api.get(row.id, signal),
    placeholderData: row,
  });
  const record = detail.data ?? row;
  const refreshActivity = () =>
    queryClient.invalidateQueries({ queryKey: trpc.records.activity.list.pathKey() });

  const remove = useMutation({
    mutationFn: () => api.remove(record.id),
    onSuccess: async () => {
      // The panel closes so the toast's Undo can be reached: a modal leaves the page behind it inert.
      toast.success(`${name} deleted.`, {
        action: { label: "Undo", onClick: () => restore.mutate() },
        duration: 10_000,
      });
      setConfirming(false);
      onClose();
      cache.remove(record.id);
      queryClient.setQueryData(recordKeys.detail(config.key, workspaceId, record.id), {
        ...record,
        deletedAt: new Date().toISOString(),
      });
      await refreshActivity();
    },
  });
  const restore = useMutation({
    mutationFn: () => api.restore(record.id),
    onSuccess: async (restored) => {
      toast.success(`${config.displayName(restored)} restored.`);
      cache.prepend(restored);
      await refreshActivity();
    },
  });

  const save = async (data: RecordPatch) => {
    const updated = await api.update(record.id, data);
    cache.replace(updated);
    await refreshActivity();
    return updated;
  };

  // ...but never while the form holds unsaved edits (the detail arriving after the list's copy
  // would otherwise wipe what was just typed).
  // Keyed on the values the form shows, so a refetch that changes nothing (the detail replacing
  // the list's copy) leaves what is being typed alone.
  const recordKey = JSON.stringify(columns.map((column) => fieldValue(record, column.key)));
  const lastKey = useRef(recordKey);
  if (!dirtyNow.current) lastKey.current = recordKey;
  const formKey = lastKey.current;

  const name = config.displayName(record);
  const deleted = record.deletedAt !== null;
  return (
    <Dialog open onClose={requestClose} title={name} className="side-panel">
      <div className="panel-body">
        <div className="panel-actions">
          {deleted ? <span className="badge danger">Deleted</span> : null}
          {canEnrich && !deleted ? (
            <button type="button" className="button small primary" onClick={() => setEnriching(true)}>
              Enrich
            </button>
          ) : null}
          {canDelete && !deleted ? (
            <button type="button" className="button small danger-outline" onClick={() => setConfirming(true)}>
              Delete
            </button>
          ) : null}
          {canDelete && deleted ? (
            <button
              type="button"
              className="button small"
              disabled={restore.isPending}
              onClick={() => restore.mutate()}
            >
              {restore.isPending ? "Restoring…" : "Restore"}
            </button>
          ) : null}
        </div>
        {restore.isError ? (
          <p role="alert" className="form-alert">
            {messageOf(restore.error)}
          </p>
        ) : null}
        {deleted ? <Notice>This {config.singular} is deleted. Restore it to edit.</Notice> : null}
        {!canWrite ? <Notice>View-only access: your role can't edit {config.plural}.</Notice> : null}
        {detail.isError ? <ErrorState error={detail.error} onRetry={() => void detail.refetch()} /> : null}
        <RecordSources record={record} columns={columns} providerName={providerName} />
        <RecordForm
          // Any change on the server resets the form: enrichment changes values without moving
          // updatedAt (the last edit by a person, an import or the API).
          key={formKey}
          record={record}
          columns={columns}
          readOnly={!canWrite || deleted}
          onSave={save}
          onDirtyChange={onDirtyChange}
        />
        {config.entity === "company" ? (
          <CompanyContacts workspaceId={workspaceId} companyId={record.id} />
        ) : null}
        <ActivityTimeline workspaceId={workspaceId} config={config} columns={columns} recordId={record.id} />
      </div>
      {enriching ? (
        <EnrichDialog
          open
          onClose={() => setEnriching(false)}
          entity={config.entity}
          selection={{ id: record.id }}
          selectionText={name}
        />
      ) : null}
      <ConfirmDialog
        open={discarding}
        title="Discard changes?"
        message={`Your changes to ${name} are not saved. Close the panel and discard them?`}
        confirmLabel="Discard changes"
        onConfirm={onClose}
        onCancel={() => setDiscarding(false)}
      />
      <ConfirmDialog
        open={confirming}
        title={`Delete ${config.singular}`}
        message={`Delete ${name}? You can restore it later from “Show deleted”.`}
        confirmLabel="Delete"
        pending={remove.isPending}
        error={remove.isError ? messageOf(remove.error) : null}
        onConfirm={() => remove.mutate()}
        onCancel={() => setConfirming(false)}
      />
    </Dialog>
  );
}
