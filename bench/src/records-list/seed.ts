import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { contactCopyColumns, contactLine, seededRandom } from "./contact-rows.ts";

export interface SeedWorkspace {
  id: string;
  name: string;
  contacts: number;
  /** Email prefix that keeps emails unique across workspaces. */
  prefix: string;
  seed: number;
}

export interface SeedTimings {
  copy_s: number;
  index_s: number;
  vacuum_s: number;
}

const BATCH = 5_000;

async function* lines(ws: SeedWorkspace): AsyncGenerator<string> {
  const rand = seededRandom(ws.seed);
  let chunk: string[] = [];
  for (let i = 0; i < ws.contacts; i++) {
    chunk.push(contactLine(ws.id, ws.prefix, i, rand));
    if (chunk.length === BATCH) {
      yield chunk.join("");
      chunk = [];
    }
  }
  if (chunk.length) yield chunk.join("");
}

async function copyContacts(client: pg.Client, ws: SeedWorkspace): Promise<void> {
  const columns = contactCopyColumns.join(", ");
  const stream = client.query(copyFrom(`copy contacts (${columns}) from stdin`));
  await pipeline(Readable.from(lines(ws)), stream);
}

/**
 * Bulk load the way an operator would: the contacts indexes (as the migrations define them, read
 * back from pg_indexes) are dropped, the rows COPYed, the indexes rebuilt, then VACUUM ANALYZE so
 * the planner and index-only scans see the table as it is after autovacuum in production.
 */
export async function seedContacts(url: string, workspaces: SeedWorkspace[]): Promise<SeedTimings> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const ws of workspaces) {
      await client.query("insert into workspaces (id, name) values ($1, $2)", [ws.id, ws.name]);
    }
    const { rows: indexes } = await client.query<{ indexname: string; indexdef: string }>(
      `select indexname, indexdef from pg_indexes
       where schemaname = 'public' and tablename = 'contacts' and indexname <> 'contacts_pkey'`,
    );
    for (const ix of indexes) await client.query(`drop index ${client.escapeIdentifier(ix.indexname)}`);

    let t = performance.now();
    // Rows are valid by construction: skip the per-row foreign-key triggers during the load.
    await client.query("set session_replication_role = replica");
    for (const ws of workspaces) await copyContacts(client, ws);
    await client.query("set session_replication_role = origin");
    const copy_s = (performance.now() - t) / 1000;

    t = performance.now();
    await client.query("set maintenance_work_mem = '1GB'");
    await client.query("set max_parallel_maintenance_workers = 2");
    for (const ix of indexes) await client.query(ix.indexdef);
    const index_s = (performance.now() - t) / 1000;

    t = performance.now();
    await client.query("vacuum (analyze) contacts");
    await client.query("analyze");
    const vacuum_s = (performance.now() - t) / 1000;
    return { copy_s, index_s, vacuum_s };
  } finally {
    await client.end();
  }
}
