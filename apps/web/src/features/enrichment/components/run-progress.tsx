import { formatNumber } from "../lib/format.ts";
import type { Run } from "../lib/run-status.ts";

/**
 * The progress bar (lookups done of all lookups) and the outcome counts. Cancelled lookups are
 * not done: a stopped run shows what was done, and what was cancelled beside it.
 */
export function RunProgress({ run }: { run: Run }) {
  const { counts } = run;
  const { done, cancelled, total } = counts;
  const share = (n: number) => (total === 0 ? 0 : Math.round((n / total) * 100));
  const percent = total === 0 ? 100 : share(done);
  const cancelledText = cancelled > 0 ? `, ${formatNumber(cancelled)} cancelled` : "";
  return (
    <div className="run-progress stack">
      <div className="progress-line">
        <div
          role="progressbar"
          aria-label="Run progress"
          aria-valuemin={0}
          aria-valuemax={total}
          aria-valuenow={done}
          aria-valuetext={`${formatNumber(done)} of ${formatNumber(total)} lookups done${cancelledText}`}
          className={`progress status-${run.status}`}
        >
          <span className="progress-fill" style={{ width: `${percent}%` }} />
          {cancelled > 0 ? (
            <span className="progress-cancelled" style={{ width: `${share(cancelled)}%` }} />
          ) : null}
        </div>
        <span className="progress-text">
          {formatNumber(done)} of {formatNumber(total)} done ({percent}%)
          {cancelled > 0 ? <span className="muted"> · {formatNumber(cancelled)} cancelled</span> : null}
        </span>
      </div>
      <dl className="stat-row" aria-label="Outcomes">
        <Stat label="Found" value={counts.found} tone="success" />
        <Stat label="Not found" value={counts.notFound} />
        <Stat label="Failed" value={counts.failed} tone={counts.failed > 0 ? "danger" : undefined} />
        <Stat label="Skipped" value={counts.skipped} />
        <Stat label="Cancelled" value={counts.cancelled} />
        <Stat label="In progress" value={counts.inProgress + counts.pending} />
      </dl>
    </div>
  );
}

function Stat({
  label,
  value,
  tone,
}: {
  label: string;
  value: number;
  tone?: "success" | "danger" | undefined;
}) {
  return (
    <div className={`stat${tone ? ` ${tone}` : ""}`}>
      <dt>{label}</dt>
      <dd>{formatNumber(value)}</dd>
    </div>
  );
}
