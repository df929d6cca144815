import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { formatDateTime } from "../../../app/lib/format.ts";
import { errorCode } from "../../../app/lib/trpc-error.ts";
import { useTRPC } from "../../../app/trpc.ts";
import { EmptyState, ErrorState, Spinner } from "../../../app/ui/states.tsx";
import { TableScroll } from "../../../app/ui/table-scroll.tsx";
import { useWorkspace } from "../../workspaces/hooks/workspace-context.ts";
import { FieldBreakdown, ProviderBreakdown, RunReasons } from "../components/run-breakdown.tsx";
import { RunProgress } from "../components/run-progress.tsx";
import { RunStatusBadge } from "../components/run-status-badge.tsx";
import { StopRunButton } from "../components/stop-run-button.tsx";
import "../enrichment.css";
import { useLiveRun } from "../hooks/use-live-run.ts";
import { useProviders } from "../hooks/use-providers.ts";
import { type Entity, entityPlural, fieldLabel, formatCredits, formatNumber } from "../lib/format.ts";
import type { Run } from "../lib/run-status.ts";

export function RunPage() {
  const { runId = "" } = useParams();
  const workspace = useWorkspace();
  const { run, live, mode } = useLiveRun(runId);
  const base = `/w/${workspace.id}/enrichment/runs`;

  if (run.isPending) return <Spinner label="Loading run" />;
  if (run.isError) {
    if (errorCode(run.error) === "NOT_FOUND" || errorCode(run.error) === "BAD_REQUEST") {
      return (
        <main className="page narrow">
          <EmptyState title="Run not found">
            <Link to={base} className="button">
              All runs
            </Link>
          </EmptyState>
        </main>
      );
    }
    return <ErrorState error={run.error} onRetry={() => void run.refetch()} />;
  }
  const data = run.data;
  const entity = data.entity as Entity;
  return (
    <main className="page run-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={base}>Enrichment runs</Link> <span aria-hidden="true">/</span> This run
      </nav>
      <header className="run-header">
        <div>
          <h1>
            Enrich {data.recordCount} {data.recordCount === 1 ? entity : entityPlural(entity)}{" "}
            <RunStatusBadge status={data.status} />
            {data.testMode ? <span className="badge sandbox">Test run</span> : null}
          </h1>
          <p className="muted">
            {data.fields.map((f) => fieldLabel(entity, f)).join(", ")}
            {data.overwrite ? " · replaces existing values" : " · fills empty fields only"} · started{" "}
            {formatDateTime(data.startedAt ?? data.createdAt)}
            {data.finishedAt ? ` · finished ${formatDateTime(data.finishedAt)}` : ""}
          </p>
        </div>
        {live && workspace.can("enrichment.run") ? <StopRunButton run={data} /> : null}
      </header>
      {data.testMode ? (
        <p className="notice test-run-note" role="note">
          A test run, started in test mode: values came from the free built-ins and the sandbox, whose made-up
          values are marked “Sandbox — test data”. No vendor was called.
        </p>
      ) : null}
      {data.stopReason ? (
        <p className={data.status === "cancelled" ? "notice" : "form-alert"} role="alert">
          {data.status === "cancelled" ? "Stopped: " : "Stopped early: "}
          {data.stopReason}
        </p>
      ) : null}
      <section className="card" aria-label="Progress">
        <RunProgress run={data} />
        <p className="muted small live-line" aria-live="off">
          {live
            ? mode === "live"
              ? "Live: updates as lookups finish."
              : "Live updates unavailable: refreshing every second."
            : null}
        </p>
      </section>
      <RunCredits run={data} live={live} />
      <section className="card stack" aria-label="Breakdown">
        <TableScroll label="By field">
          <FieldBreakdown run={data} />
        </TableScroll>
        <TableScroll label="By provider">
          <RunProviders run={data} />
        </TableScroll>
        <RunReasons run={data} />
      </section>
      <p>
        <Link to={`/w/${workspace.id}/${entityPlural(entity)}`}>Back to {entityPlural(entity)}</Link>
      </p>
    </main>
  );
}

function RunProviders({ run }: { run: Run }) {
  const { nameOf, isSandbox } = useProviders();
  return <ProviderBreakdown run={run} nameOf={nameOf} isSandbox={isSandbox} />;
}

/**
 * Spent by this run (and, while it runs, what it holds for lookups in flight), what it was expected
 * to cost, and what running enrichment holds right now.
 */
function RunCredits({ run, live }: { run: Run; live: boolean }) {
  const trpc = useTRPC();
  const workspace = useWorkspace();
  const balance = useQuery(
    trpc.credits.balance.get.queryOptions(
      { workspaceId: workspace.id },
      {
        enabled: workspace.can("credits.read"),
        refetchInterval: run.status === "running" || run.status === "cancelling" ? 2000 : false,
        staleTime: 0,
      },
    ),
  );
  return (
    <section className="card" aria-labelledby="credits-heading">
      <h2 id="credits-heading">Credits</h2>
      <dl className="stat-row">
        <div className="stat">
          <dt>Spent by this run</dt>
          <dd>
            {formatCredits(run.credits.spent)}
            {live ? <span className="muted"> · {formatNumber(run.credits.held)} held</span> : null}
          </dd>
        </div>
        {run.estimate ? (
          <>
            <div className="stat">
              <dt>Expected</dt>
              <dd>{formatCredits(run.estimate.expectedCost)}</dd>
            </div>
            <div className="stat">
              <dt>Worst case</dt>
              <dd>{formatCredits(run.estimate.worstCaseCost)}</dd>
            </div>
          </>
        ) : null}
        {balance.data ? (
          <>
            <div className="stat">
              <dt>Held now (all runs)</dt>
              <dd>{formatCredits(balance.data.held)}</dd>
            </div>
            <div className="stat">
              <dt>Available</dt>
              <dd>{formatCredits(balance.data.available)}</dd>
            </div>
          </>
        ) : null}
      </dl>
    </section>
  );
}
