import { useInfiniteQuery } from "@tanstack/react-query";
import { formatDateTime, formatRelative } from "../../../app/lib/format.ts";
import { type RouterOutputs, useTRPC } from "../../../app/trpc.ts";
import { ErrorState } from "../../../app/ui/states.tsx";
import type { ColumnDef, EntityConfig } from "../entities/types.ts";
import { formatValue } from "../entities/values.ts";

type Activity = RouterOutputs["records"]["activity"]["list"]["items"][number];

const sourceLabels: Record<string, string> = {
  user: "User",
  import: "Import",
  enrichment: "Enrichment",
  api: "API",
  system: "System",
};

function quote(value: unknown, column: ColumnDef | undefined): string {
  const text = formatValue(value, column ?? { type: "text" });
  return text ? `'${text}'` : "empty";
}

export function describeActivity(
  item: Activity,
  config: EntityConfig,
  columns: readonly ColumnDef[],
): string {
  const who = item.actor?.name ?? sourceLabels[item.source] ?? "Someone";
  switch (item.action) {
    case "create":
      return `${who} created this ${config.singular}`;
    case "delete":
      return `${who} deleted this ${config.singular}`;
    case "restore":
      return `${who} restored this ${config.singular}`;
    default: {
      const parts = item.changes.map((change) => {
        const column = columns.find((c) => c.key === change.field);
        const label =
          column?.label.toLowerCase() ?? change.field.replace(/^custom\./, "").replaceAll("_", " ");
        if (change.old === null || change.old === undefined || change.old === "") {
          return `set ${label} to ${quote(change.new, column)}`;
        }
        if (change.new === null || change.new === undefined || change.new === "") {
          return `cleared ${label} (was ${quote(change.old, column)})`;
        }
        return `changed ${label} from ${quote(change.old, column)} to ${quote(change.new, column)}`;
      });
      return `${who} ${parts.length > 0 ? parts.join(", ") : `updated this ${config.singular}`}`;
    }
  }
}

interface ActivityTimelineProps {
  workspaceId: string;
  config: EntityConfig;
  columns: readonly ColumnDef[];
  recordId: string;
}

export function ActivityTimeline({ workspaceId, config, columns, recordId }: ActivityTimelineProps) {
  const trpc = useTRPC();
  const activity = useInfiniteQuery(
    trpc.records.activity.list.infiniteQueryOptions(
      { workspaceId, entity: config.entity, recordId, limit: 20 },
      { getNextPageParam: (last) => last.nextCursor },
    ),
  );
  const items = activity.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section className="timeline" aria-labelledby="activity-heading">
      <h3 id="activity-heading">Activity</h3>
      {activity.isPending ? <p className="muted">Loading activity…</p> : null}
      {activity.isError ? (
        <ErrorState error={activity.error} onRetry={() => void activity.refetch()} />
      ) : null}
      {activity.data && items.length === 0 ? <p className="muted">No activity yet.</p> : null}
      <ol aria-label="Activity" className="timeline-list">
        {items.map((item) => (
          <li key={item.id} className="timeline-item">
            <span className={`badge source-${item.source}`}>{sourceLabels[item.source] ?? item.source}</span>
            <span className="timeline-text">
              {describeActivity(item, config, columns)}
              <span className="muted">
                {" · "}
                <time dateTime={item.createdAt} title={formatDateTime(item.createdAt)}>
                  {formatRelative(item.createdAt)}
                </time>
              </span>
            </span>
          </li>
        ))}
      </ol>
      {activity.hasNextPage ? (
        <button
          type="button"
          className="button small"
          disabled={activity.isFetchingNextPage}
          onClick={() => void activity.fetchNextPage()}
        >
          {activity.isFetchingNextPage ? "Loading…" : "Show older activity"}
        </button>
      ) : null}
    </section>
  );
}
