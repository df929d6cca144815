import { parseCrontab } from "graphile-worker";

export interface CrontabOptions {
  /** Months of record activity to keep (ACTIVITY_RETENTION_MONTHS). */
  activityRetentionMonths: number;
}

/**
 * The recurring jobs, as graphile-worker crontab lines: `<minute hour dom month dow> <task> ?<opts> <payload>`.
 * `fill=1d` backfills a run missed in the last day (e.g. every worker was down at 03:00).
 * graphile-worker schedules each line once per tick however many workers run.
 */
export function crontab(opts: CrontabOptions): string {
  const partitions = { monthsAhead: 3, retentionMonths: opts.activityRetentionMonths };
  return [
    `0 3 * * * records/maintain-activity-partitions ?fill=1d ${JSON.stringify(partitions)}`,
    "30 3 * * * auth/prune-expired ?fill=1d",
    `15 3 * * * enrichment/maintain-lookup-partitions ?fill=1d ${JSON.stringify({ monthsAhead: 3, retentionMonths: 24 })}`,
    "* * * * * enrichment/reap-stale-claims",
    "40 * * * * rest/prune-idempotency-keys",
    "45 3 * * * records/link-contacts-sweep ?fill=1d",
  ].join("\n");
}

/** The crontab parsed for `run({ parsedCronItems })`; throws on a malformed line. */
export function parsedCronItems(opts: CrontabOptions) {
  return parseCrontab(crontab(opts));
}
