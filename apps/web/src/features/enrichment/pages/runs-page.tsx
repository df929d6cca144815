import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { absoluteTime, relativeTime } from "../../../app/lib/relative-time.ts";
import { useTRPC } from "../../../app/trpc.ts";
import { EmptyState, ErrorState, Notice, Spinner } from "../../../app/ui/states.tsx";
import { useWorkspace } from "../../workspaces/hooks/workspace-context.ts";
import { RunStatusBadge } from "../components/run-status-badge.tsx";
import "../enrichment.css";
import { type Entity, entityPlural, fieldLabel, formatNumber } from "../lib/format.ts";
import { isFinished } from "../lib/run-status.ts";

export function RunsPage() {
  const workspace = useWorkspace();
  return (
    <main className="page narrow">
      <header className="page-header">
        <h1>Enrichment runs</h1>
        <p className="muted">
          Start a run from the contacts or companies grid: select records, then “Enrich”.
        </p>
      </header>
      {workspace.can("enrichment.read") ? (
        <RunsTable />
      ) : (
        <Notice>Enrichment runs are not available to your role.</Notice>
      )}
    </main>
  );
}

function RunsTable() {
  const trpc = useTRPC();
  const workspace = useWorkspace();
  const runs = useInfiniteQuery(
    trpc.enrichment.runs.list.infiniteQueryOptions(
      { workspaceId: workspace.id, limit: 20 },
      {
        getNextPageParam: (last) => last.nextCursor,
        staleTime: 0,
        refetchInterval: (query) =>
          query.state.data?.pages.some((page) => page.items.some((run) => !isFinished(run.status)))
            ? 3000
            : false,
      },
    ),
  );
  if (runs.isPending) return <Spinner label="Loading runs" />;
  if (runs.isError) return <ErrorState error={runs.error} onRetry={() => void runs.refetch()} />;
  const items = runs.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    return (
      <EmptyState title="No runs yet">
        <p className="muted">Runs you start show here with their progress and cost.</p>
      </EmptyState>
    );
  }
  const base = `/w/${workspace.id}/enrichment/runs`;
  return (
    <section className="card">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Started</th>
            <th scope="col">Records</th>
            <th scope="col">Fields</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {items.map((run) => {
            const entity = run.entity as Entity;
            return (
              <tr key={run.id}>
                <td>
                  <Link to={`${base}/${run.id}`} title={absoluteTime(run.createdAt)}>
                    {relativeTime(run.createdAt)}
                  </Link>
                </td>
                <td>
                  {formatNumber(run.recordCount)} {entityPlural(entity)}
                </td>
                <td>{run.fields.map((f) => fieldLabel(entity, f)).join(", ")}</td>
                <td>
                  <RunStatusBadge status={run.status} />
                  {run.stopReason && run.status !== "cancelled" ? (
                    <span className="muted small block">{run.stopReason}</span>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {runs.hasNextPage ? (
        <div className="load-more">
          <button
            type="button"
            className="button"
            disabled={runs.isFetchingNextPage}
            onClick={() => void runs.fetchNextPage()}
          >
            {runs.isFetchingNextPage ? "Loading…" : "Load more"}
          </button>
        </div>
      ) : null}
    </section>
  );
}
