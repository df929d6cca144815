import type pg from "pg";
import type { CapturedQuery } from "./sql-capture.ts";

export interface SqlSamples {
  /** Per request: the page query alongside the total's statements (estimate, count), as the service runs them. */
  all: number[];
  /** The page query alone. */
  page: number[];
}

async function run(pool: pg.Pool, q: CapturedQuery): Promise<void> {
  await pool.query(q.sql, [...q.parameters]);
}

/** The total's statements in order on one connection (the count runs in its own transaction). */
async function runTotal(pool: pg.Pool, queries: CapturedQuery[]): Promise<void> {
  if (queries.length === 0) return;
  const client = await pool.connect();
  try {
    for (const q of queries) {
      // A count cancelled by its time budget is part of the replay: the service then shows the estimate.
      await client.query(q.sql, [...q.parameters]).catch((err: { code?: string }) => {
        if (err.code !== "57014") throw err;
      });
    }
  } finally {
    client.release();
  }
}

/**
 * Replays a scenario's captured queries straight through `pg` (no Kysely, tRPC or HTTP), timed the
 * same way as the HTTP requests: sequentially, after a warm-up.
 */
export async function timeSql(
  pool: pg.Pool,
  queries: CapturedQuery[],
  warmup: number,
  count: number,
  maxSeconds = Number.POSITIVE_INFINITY,
): Promise<SqlSamples> {
  const page = queries.filter((q) => q.kind === "page");
  const total = queries.filter((q) => q.kind !== "page");
  const samples: SqlSamples = { all: [], page: [] };
  const until = performance.now() + maxSeconds * 1000;
  for (let i = 0; i < warmup + count && performance.now() < until; i++) {
    let t = performance.now();
    await Promise.all([Promise.all(page.map((q) => run(pool, q))), runTotal(pool, total)]);
    const all = performance.now() - t;
    t = performance.now();
    for (const q of page) await run(pool, q);
    const pageOnly = performance.now() - t;
    if (i >= warmup) {
      samples.all.push(all);
      samples.page.push(pageOnly);
    }
  }
  return samples;
}

/** EXPLAIN (ANALYZE, BUFFERS) of a captured query, as text. */
export async function explainAnalyze(pool: pg.Pool, q: CapturedQuery): Promise<string> {
  const { rows } = await pool.query<{ "QUERY PLAN": string }>(`explain (analyze, buffers) ${q.sql}`, [
    ...q.parameters,
  ]);
  return rows.map((r) => r["QUERY PLAN"]).join("\n");
}
