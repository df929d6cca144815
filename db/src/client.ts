import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { DB } from "./generated/db.ts";

export type Database = Kysely<DB>;

// bigint (int8) columns come back as numbers: every bigint we store (cents, counts) fits in 2^53.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export interface PoolOptions {
  /** Connections at most (default 10). */
  max?: number;
  /** How long a query waits for a new connection before failing; unset = forever. */
  connectTimeoutMs?: number;
  /**
   * statement_timeout of every connection: PostgreSQL cancels a statement running longer. Set for
   * request paths (the HTTP server); long jobs leave it unset. Sent as a startup parameter, which
   * PgBouncer refuses unless listed in its ignore_startup_parameters (then set it on the role).
   */
  statementTimeoutMs?: number;
}

export function createPool(connectionString: string, opts: PoolOptions | number = {}): pg.Pool {
  const { max = 10, connectTimeoutMs, statementTimeoutMs } = typeof opts === "number" ? { max: opts } : opts;
  const pool = new pg.Pool({
    connectionString,
    max,
    ...(connectTimeoutMs === undefined ? {} : { connectionTimeoutMillis: connectTimeoutMs }),
    ...(statementTimeoutMs === undefined ? {} : { statement_timeout: statementTimeoutMs }),
  });
  // An idle client whose connection ends (PostgreSQL restarting or shutting down, a proxy timeout)
  // is dropped by the pool and the next query opens a new one. Without a listener the pool's
  // 'error' event would crash the process, e.g. during shutdown while sockets are still closing.
  pool.on("error", () => {});
  return pool;
}

export function createDb(connectionString: string, opts: PoolOptions = {}): Database {
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool: createPool(connectionString, opts) }) });
}
