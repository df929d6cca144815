import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { formatDateTime, formatRelative } from "../../../app/lib/format.ts";
import { messageOf } from "../../../app/lib/trpc-error.ts";
import { type RouterOutputs, useTRPC } from "../../../app/trpc.ts";
import { ConfirmDialog } from "../../../app/ui/confirm-dialog.tsx";
import { EmptyState, ErrorState, Notice, Spinner } from "../../../app/ui/states.tsx";
import { CreateApiKeyDialog } from "../components/create-api-key-dialog.tsx";
import { useWorkspace } from "../hooks/workspace-context.ts";

type ApiKey = RouterOutputs["workspaces"]["apiKeys"]["list"]["items"][number];

export function ApiKeysPage() {
  const workspace = useWorkspace();
  const [creating, setCreating] = useState(false);
  const allowed = workspace.can("apikeys.manage");
  return (
    <main className="page narrow">
      <header className="page-header row-header">
        <div>
          <h1>API keys</h1>
          <p className="muted">
            Keys let scripts and integrations use the REST API for {workspace.name}.{" "}
            <a href="/api/docs" target="_blank" rel="noreferrer">
              API reference
            </a>
          </p>
        </div>
        {allowed ? (
          <button type="button" className="button primary" onClick={() => setCreating(true)}>
            New API key
          </button>
        ) : null}
      </header>
      {allowed ? <ApiKeysTable /> : <Notice>API keys are managed by owners and admins.</Notice>}
      <CreateApiKeyDialog open={creating} onClose={() => setCreating(false)} />
    </main>
  );
}

function ApiKeysTable() {
  const trpc = useTRPC();
  const workspace = useWorkspace();
  const queryClient = useQueryClient();
  const keys = useQuery(trpc.workspaces.apiKeys.list.queryOptions({ workspaceId: workspace.id }));
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const revoke = useMutation(
    trpc.workspaces.apiKeys.revoke.mutationOptions({
      onSuccess: async () => {
        toast.success(`API key “${revoking?.name ?? ""}” revoked.`);
        setRevoking(null);
        await queryClient.invalidateQueries({ queryKey: trpc.workspaces.apiKeys.list.queryKey() });
      },
    }),
  );
  if (keys.isPending) return <Spinner label="Loading API keys" />;
  if (keys.isError) return <ErrorState error={keys.error} onRetry={() => void keys.refetch()} />;
  if (keys.data.items.length === 0) {
    return (
      <EmptyState title="No API keys yet">
        <p className="muted">Create one to call the REST API from a script or integration.</p>
      </EmptyState>
    );
  }
  return (
    <section className="card">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Prefix</th>
            <th scope="col">Scope</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {keys.data.items.map((key) => (
            <tr key={key.id} className={key.revokedAt ? "revoked" : undefined}>
              <td>
                {key.name}
                {key.revokedAt ? (
                  <span className="badge danger">Revoked {formatRelative(key.revokedAt)}</span>
                ) : null}
              </td>
              <td>
                <code>{key.prefix}</code>
              </td>
              <td>{key.scope === "read" ? "Read" : "Read and write"}</td>
              <td title={formatDateTime(key.createdAt)}>
                {formatRelative(key.createdAt)}
                {key.createdBy ? <span className="muted small block">by {key.createdBy}</span> : null}
              </td>
              <td>
                {key.lastUsedAt ? formatRelative(key.lastUsedAt) : <span className="muted">Never</span>}
              </td>
              <td className="actions">
                {key.revokedAt ? null : (
                  <button
                    type="button"
                    className="button small danger-outline"
                    onClick={() => setRevoking(key)}
                  >
                    Revoke<span className="visually-hidden"> {key.name}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ConfirmDialog
        open={revoking !== null}
        title="Revoke API key"
        message={`Revoke “${revoking?.name ?? ""}” (${revoking?.prefix ?? ""})? Requests with it fail from now on. This can't be undone.`}
        confirmLabel="Revoke key"
        pending={revoke.isPending}
        error={revoke.isError ? messageOf(revoke.error) : null}
        onCancel={() => {
          setRevoking(null);
          revoke.reset();
        }}
        onConfirm={() => {
          if (revoking) revoke.mutate({ workspaceId: workspace.id, id: revoking.id });
        }}
      />
    </section>
  );
}
