import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { DB } from "./generated/db.ts";

export type Database = Kysely<DB>;

// bigint (int8) columns come back as numbers: every bigint we store (cents, counts) fits in 2^53.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export function createPool(connectionString: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString, max });
  // An idle client whose connection ends (PostgreSQL restarting or shutting down, a proxy timeout)
  // is dropped by the pool and the next query opens a new one. Without a listener the pool's
  // 'error' event would crash the process, e.g. during shutdown while sockets are still closing.
  pool.on("error", () => {});
  return pool;
}

export function createDb(connectionString: string, opts: { max?: number } = {}): Database {
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool: createPool(connectionString, opts.max) }) });
}
