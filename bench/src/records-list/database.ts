import { fileURLToPath } from "node:url";
import { startEmbeddedPostgres } from "@quarry/db/embedded";
import { migrateToLatest } from "@quarry/db/migrate";
import { withDatabase } from "@quarry/db/resolve-database";
import pg from "pg";

export const BENCH_DATABASE = "quarry_bench_records";
const EMBEDDED_DIR = fileURLToPath(new URL("../../../.data/bench-pg", import.meta.url));
const EMBEDDED_PORT = 54331;

export interface BenchDatabase {
  /** Connection string of the fresh, migrated bench database. */
  url: string;
  embedded: boolean;
  serverVersion: string;
  /** The database of an earlier run was kept (BENCH_REUSE_DATA=1): do not seed again. */
  reused: boolean;
  stop(): Promise<void>;
}

async function seededAlready(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query<{ n: number }>("select count(*)::int as n from workspaces");
    return (rows[0]?.n ?? 0) >= 2;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * DATABASE_URL's server (any database on it is only used to create ours) or an embedded
 * PostgreSQL under .data/bench-pg; then a fresh `quarry_bench_records` migrated to the latest schema.
 */
export async function openBenchDatabase(
  databaseUrl: string | undefined,
  reuse = false,
): Promise<BenchDatabase> {
  const server = databaseUrl
    ? { url: databaseUrl, stop: async () => {} }
    : await startEmbeddedPostgres(EMBEDDED_DIR, EMBEDDED_PORT);
  const url = withDatabase(server.url, BENCH_DATABASE);
  const reused = reuse && (await seededAlready(url));
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  let serverVersion = "";
  try {
    if (!reused) {
      await admin.query(`drop database if exists ${BENCH_DATABASE} with (force)`);
      await admin.query(`create database ${BENCH_DATABASE}`);
    }
    const { rows } = await admin.query<{ server_version: string }>("show server_version");
    serverVersion = rows[0]?.server_version ?? "unknown";
  } finally {
    await admin.end();
  }
  await migrateToLatest(url);
  return { url, embedded: !databaseUrl, serverVersion, reused, stop: server.stop };
}
