import { fileURLToPath } from "node:url";
import { startEmbeddedPostgres } from "@quarry/db/embedded";
import { migrateToLatest } from "@quarry/db/migrate";
import { withDatabase } from "@quarry/db/resolve-database";
import pg from "pg";

export const ENRICHMENT_DATABASE = "quarry_bench_enrichment";
const EMBEDDED_DIR = fileURLToPath(new URL("../../../.data/bench-pg", import.meta.url));
const EMBEDDED_PORT = 54331;

export interface BenchServer {
  /** The server's connection string (its database only used to create ours). */
  url: string;
  serverVersion: string;
  stop(): Promise<void>;
}

/** DATABASE_URL's server, or the embedded PostgreSQL under .data/bench-pg. */
export async function openServer(databaseUrl: string | undefined): Promise<BenchServer> {
  const server = databaseUrl
    ? { url: databaseUrl, stop: async () => {} }
    : await startEmbeddedPostgres(EMBEDDED_DIR, EMBEDDED_PORT);
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ server_version: string }>("show server_version");
    return { ...server, serverVersion: rows[0]?.server_version ?? "unknown" };
  } finally {
    await admin.end();
  }
}

/**
 * `drop … with (force)` while a closed pool's sockets are still open kills them, and pg-pool
 * re-emits that as an unhandled error in this process: wait (up to 5 s) for them to go first.
 */
async function dropWhenIdle(admin: pg.Client): Promise<void> {
  for (let i = 0; i < 250; i++) {
    const { rows } = await admin.query<{ n: number }>(
      "select count(*)::int as n from pg_stat_activity where datname = $1",
      [ENRICHMENT_DATABASE],
    );
    if (!rows[0]?.n) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  await admin.query(`drop database if exists ${ENRICHMENT_DATABASE} with (force)`);
}

/** Drops and creates `quarry_bench_enrichment`, migrated to the latest schema (graphile-worker's included). */
export async function freshDatabase(server: BenchServer): Promise<string> {
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  try {
    await dropWhenIdle(admin);
    await admin.query(`create database ${ENRICHMENT_DATABASE}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(server.url, ENRICHMENT_DATABASE);
  await migrateToLatest(url);
  return url;
}

/** Drops the bench database (after the last scenario). */
export async function dropDatabase(server: BenchServer): Promise<void> {
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  try {
    await dropWhenIdle(admin);
  } finally {
    await admin.end();
  }
}
