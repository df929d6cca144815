import type { Database } from "@quarry/db/client";
import { sql } from "kysely";

export interface NewLookup {
  workspaceId: string;
  runId: string | null;
  entity: string;
  recordId: string;
  provider: string;
  status: "found" | "not_found" | "error";
  fields: string[];
  inputs: unknown;
  outputs: unknown;
  errorCode: string | null;
  cost: number;
  confidence: number | null;
  latencyMs: number;
  fetchedAt: Date;
}

/** Keeps provider lookups in enrichment_records (monthly partitions on created_at). */
export async function insertLookups(db: Database, rows: readonly NewLookup[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto("enrichment_records")
    .values(
      rows.map((r) => ({
        workspace_id: r.workspaceId,
        run_id: r.runId,
        entity: r.entity,
        record_id: r.recordId,
        provider: r.provider,
        status: r.status,
        fields: r.fields,
        inputs: JSON.stringify(r.inputs),
        outputs: JSON.stringify(r.outputs),
        error_code: r.errorCode,
        cost: r.cost,
        confidence: r.confidence,
        latency_ms: r.latencyMs,
        fetched_at: r.fetchedAt,
      })),
    )
    .execute();
}

export interface StoredLookup {
  record_id: string;
  status: string;
  outputs: unknown;
  fetched_at: Date;
}

/** Answers this provider already gave in this run (a resumed batch re-uses them instead of calling again). */
export async function findRunLookups(
  db: Database,
  workspaceId: string,
  runId: string,
  provider: string,
  recordIds: readonly string[],
): Promise<StoredLookup[]> {
  if (recordIds.length === 0) return [];
  // One probe of the run index per record, newest picked here. Plans must not depend on
  // statistics: a partition that filled in the last minute has none, and a `record_id = any(…)`
  // or an `order by created_at` let the planner walk the workspace's lookups by time instead.
  const { rows } = await sql<StoredLookup & { created_at: Date }>`
    select l.record_id, l.status, l.outputs, l.fetched_at, l.created_at
      from unnest(${[...recordIds]}::uuid[]) as r(id)
      cross join lateral (
        select e.record_id, e.status, e.outputs, e.fetched_at, e.created_at from enrichment_records e
         where e.run_id = ${runId} and e.record_id = r.id and e.provider = ${provider}
           and e.workspace_id = ${workspaceId} and e.status in ('found', 'not_found')
        offset 0 -- a fence: probed per record, never pulled up into a join
      ) l`.execute(db);
  const newest = new Map<string, StoredLookup & { created_at: Date }>();
  for (const row of rows) {
    const seen = newest.get(row.record_id);
    if (!seen || seen.created_at < row.created_at) newest.set(row.record_id, row);
  }
  return [...newest.values()].map(({ created_at: _, ...lookup }) => lookup);
}

export interface ProviderStatsRow {
  provider: string;
  lookups: number;
  found: number;
  errors: number;
  avg_latency_ms: number;
  credits: number;
}

/** Per provider over the last `days`: lookups, hits, errors, mean latency and credits charged. */
export async function providerStats(
  db: Database,
  workspaceId: string,
  days: number,
): Promise<ProviderStatsRow[]> {
  const { rows } = await sql<ProviderStatsRow>`
    select provider, count(*)::int as lookups,
      count(*) filter (where status = 'found')::int as found,
      count(*) filter (where status = 'error')::int as errors,
      coalesce(round(avg(latency_ms)), 0)::int as avg_latency_ms,
      coalesce(sum(cost), 0)::int as credits
    from enrichment_records
    where workspace_id = ${workspaceId} and created_at > now() - make_interval(days => ${days})
    group by provider`.execute(db);
  return rows;
}

export interface RunProviderRow {
  provider: string;
  status: string;
  n: number;
  credits: number;
}

export async function runProviderCounts(
  db: Database,
  workspaceId: string,
  runId: string,
): Promise<RunProviderRow[]> {
  const { rows } = await sql<RunProviderRow>`
    select provider, status, count(*)::int as n, coalesce(sum(cost), 0)::int as credits
    from enrichment_records where workspace_id = ${workspaceId} and run_id = ${runId}
    group by provider, status`.execute(db);
  return rows;
}

/** Creates monthly enrichment_records partitions ahead of time and drops those past retention. */
export async function maintainLookupPartitions(
  db: Database,
  monthsAhead: number,
  retentionMonths: number,
): Promise<{ created: string[]; dropped: string[] }> {
  const { rows } = await sql<{ created: string[]; dropped: string[] }>`
    select created, dropped from maintain_monthly_partitions('enrichment_records', ${monthsAhead}::int, ${retentionMonths}::int)`.execute(
    db,
  );
  return rows[0] ?? { created: [], dropped: [] };
}

export async function listLookupPartitions(db: Database): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select c.relname as name from pg_inherits i
    join pg_class c on c.oid = i.inhrelid
    join pg_class p on p.oid = i.inhparent
    where p.relname = 'enrichment_records' and c.relname ~ '^enrichment_records_[0-9]{4}_[0-9]{2}$'
    order by c.relname`.execute(db);
  return rows.map((r) => r.name);
}
