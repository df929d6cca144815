import { useQuery } from "@tanstack/react-query";
import { Navigate } from "react-router";
import { readLastWorkspace } from "../../../app/lib/storage.ts";
import { useTRPC } from "../../../app/trpc.ts";
import { EmptyState, ErrorState, Spinner } from "../../../app/ui/states.tsx";
import { NewWorkspaceForm } from "../components/new-workspace-dialog.tsx";

/** "/" → the last used workspace (or the first one); without any, the first-workspace form. */
export function HomePage() {
  const trpc = useTRPC();
  const list = useQuery(trpc.workspaces.list.queryOptions());
  if (list.isPending) return <Spinner label="Loading workspaces" />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data.items;
  const last = readLastWorkspace();
  const target = items.find((workspace) => workspace.id === last) ?? items[0];
  if (target) return <Navigate to={`/w/${target.id}/contacts`} replace />;
  return (
    <main className="page narrow">
      <EmptyState title="Create your first workspace">
        <p className="muted">A workspace holds your team's contacts and companies.</p>
        <div className="card">
          <NewWorkspaceForm />
        </div>
      </EmptyState>
    </main>
  );
}
