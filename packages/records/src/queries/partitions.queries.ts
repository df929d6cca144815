import type { Database } from "@quarry/db/client";
import { sql } from "kysely";

/** Creates monthly record_activity partitions ahead of time and drops those older than the retention. */
export async function maintainActivityPartitions(
  db: Database,
  monthsAhead: number,
  retentionMonths: number,
): Promise<{ created: string[]; dropped: string[] }> {
  const { rows } = await sql<{ created: string[]; dropped: string[] }>`
    select created, dropped from maintain_monthly_partitions('record_activity', ${monthsAhead}::int, ${retentionMonths}::int)`.execute(
    db,
  );
  return rows[0] ?? { created: [], dropped: [] };
}

/** Names of record_activity's monthly partitions, oldest first. */
export async function listActivityPartitions(db: Database): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select c.relname as name from pg_inherits i
    join pg_class c on c.oid = i.inhrelid
    join pg_class p on p.oid = i.inhparent
    where p.relname = 'record_activity' and c.relname ~ '^record_activity_[0-9]{4}_[0-9]{2}$'
    order by c.relname`.execute(db);
  return rows.map((r) => r.name);
}
