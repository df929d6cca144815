import type pg from "pg";
import type { CapturedQuery } from "./sql-capture.ts";

export interface SqlSamples {
  /** Per request: the page query alongside the total's queries (estimate, then count), as the service runs them. */
  all: number[];
  /** The page query alone. */
  page: number[];
}

async function run(pool: pg.Pool, q: CapturedQuery): Promise<void> {
  await pool.query(q.sql, [...q.parameters]);
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
    await Promise.all([
      Promise.all(page.map((q) => run(pool, q))),
      (async () => {
        for (const q of total) await run(pool, q);
      })(),
    ]);
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
