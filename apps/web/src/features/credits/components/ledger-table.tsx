import { useInfiniteQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { formatDateTime, formatRelative, formatSignedNumber } from "../../../app/lib/format.ts";
import { type RouterOutputs, useTRPC } from "../../../app/trpc.ts";
import { ErrorState, Spinner } from "../../../app/ui/states.tsx";
import { TableScroll } from "../../../app/ui/table-scroll.tsx";
import { useWorkspace } from "../../workspaces/hooks/workspace-context.ts";

type Entry = RouterOutputs["credits"]["entries"]["list"]["items"][number];

const kindLabel: Record<Entry["kind"], string> = {
  grant: "Grant",
  purchase: "Purchase",
  hold: "Hold",
  capture: "Charge",
  release: "Release",
  refund: "Refund",
  adjustment: "Adjustment",
};

function Change({ value }: { value: number }) {
  if (value === 0) return <span className="muted">—</span>;
  return <span className={value > 0 ? "change up" : "change down"}>{formatSignedNumber(value)}</span>;
}

/** Every ledger transaction, newest first, 50 at a time. */
export function LedgerTable() {
  const trpc = useTRPC();
  const workspace = useWorkspace();
  const entries = useInfiniteQuery(
    trpc.credits.entries.list.infiniteQueryOptions(
      { workspaceId: workspace.id, limit: 50 },
      { getNextPageParam: (last) => last.nextCursor, staleTime: 0 },
    ),
  );
  if (entries.isPending) return <Spinner label="Loading the ledger" />;
  if (entries.isError) return <ErrorState error={entries.error} onRetry={() => void entries.refetch()} />;
  const items = entries.data.pages.flatMap((page) => page.items);
  return (
    <section className="card" aria-labelledby="ledger-heading">
      <h2 id="ledger-heading">Ledger</h2>
      {items.length === 0 ? (
        <p className="muted">No credit movements yet.</p>
      ) : (
        <TableScroll label="Ledger">
          <table className="table compact">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Type</th>
                <th scope="col">Note</th>
                <th scope="col" className="num">
                  Available
                </th>
                <th scope="col" className="num">
                  Held
                </th>
                <th scope="col" className="num">
                  Spent
                </th>
                <th scope="col">Run</th>
              </tr>
            </thead>
            <tbody>
              {items.map((entry) => (
                <tr key={entry.id}>
                  <td title={formatDateTime(entry.createdAt)}>{formatRelative(entry.createdAt)}</td>
                  <td>{kindLabel[entry.kind]}</td>
                  <td>
                    {entry.memo}
                    {entry.field || entry.provider ? (
                      <span className="muted small block">
                        {[entry.field, entry.provider].filter(Boolean).join(" · ")}
                      </span>
                    ) : null}
                  </td>
                  <td className="num">
                    <Change value={entry.amount} />
                  </td>
                  <td className="num">
                    <Change value={entry.held} />
                  </td>
                  <td className="num">
                    <Change value={entry.spent} />
                  </td>
                  <td>
                    {entry.runId ? (
                      <Link to={`/w/${workspace.id}/enrichment/runs/${entry.runId}`}>View run</Link>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {entries.hasNextPage ? (
        <div className="load-more">
          <button
            type="button"
            className="button"
            disabled={entries.isFetchingNextPage}
            onClick={() => void entries.fetchNextPage()}
          >
            {entries.isFetchingNextPage ? "Loading…" : "Load more"}
          </button>
        </div>
      ) : null}
    </section>
  );
}
