import type { Env } from "@quarry/core/env";
import { createDb, type Database } from "@quarry/db/client";

type PoolEnv = Pick<
  Env,
  "DATABASE_POOL_SIZE" | "DATABASE_CONNECT_TIMEOUT_MS" | "DATABASE_STATEMENT_TIMEOUT_MS"
>;

/**
 * The HTTP server's pool: DATABASE_POOL_SIZE connections, a connect timeout, and a statement_timeout
 * so one slow query cannot hold a connection (and the request) for ever.
 */
export function createHttpDatabase(url: string, env: PoolEnv): Database {
  return createDb(url, {
    max: env.DATABASE_POOL_SIZE,
    connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS,
    statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
  });
}

/** The in-process job worker's pool: jobs may run long statements, so no statement_timeout. */
export function createWorkerDatabase(
  url: string,
  env: Pick<Env, "DATABASE_CONNECT_TIMEOUT_MS" | "WORKER_CONCURRENCY">,
) {
  return createDb(url, {
    max: env.WORKER_CONCURRENCY + 2,
    connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS,
  });
}
