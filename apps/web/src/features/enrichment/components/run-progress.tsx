import { formatNumber } from "../lib/format.ts";
import { doneCount, type Run } from "../lib/run-status.ts";

/** The progress bar (lookups done of all lookups) and the outcome counts. */
export function RunProgress({ run }: { run: Run }) {
  const { counts } = run;
  const done = doneCount(counts);
  const percent = counts.total === 0 ? 100 : Math.round((done / counts.total) * 100);
  return (
    <div className="run-progress stack">
      <div className="progress-line">
        <div
          role="progressbar"
          aria-label="Run progress"
          aria-valuemin={0}
          aria-valuemax={counts.total}
          aria-valuenow={done}
          aria-valuetext={`${formatNumber(done)} of ${formatNumber(counts.total)} lookups done`}
          className={`progress status-${run.status}`}
        >
          <span className="progress-fill" style={{ width: `${percent}%` }} />
        </div>
        <span className="progress-text">
          {formatNumber(done)} of {formatNumber(counts.total)} done ({percent}%)
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
