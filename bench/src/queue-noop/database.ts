import { fileURLToPath } from "node:url";
import { startEmbeddedPostgres } from "@quarry/db/embedded";
import { migrateToLatest } from "@quarry/db/migrate";
import { withDatabase } from "@quarry/db/resolve-database";
import pg from "pg";

export const QUEUE_DATABASE = "quarry_bench_queue";
const EMBEDDED_DIR = fileURLToPath(new URL("../../../.data/bench-pg", import.meta.url));
const EMBEDDED_PORT = 54331;

export interface QueueDatabase {
  /** Connection string of the fresh, migrated bench database. */
  url: string;
  serverVersion: string;
  stop(): Promise<void>;
}

/**
 * DATABASE_URL's server (the database named in it is only used to create ours) or the embedded
 * PostgreSQL under .data/bench-pg; then a fresh `name` (default `quarry_bench_queue`) migrated to the latest schema,
 * graphile-worker's included.
 */
export async function openQueueDatabase(
  databaseUrl: string | undefined,
  name: string = QUEUE_DATABASE,
): Promise<QueueDatabase> {
  const server = databaseUrl
    ? { url: databaseUrl, stop: async () => {} }
    : await startEmbeddedPostgres(EMBEDDED_DIR, EMBEDDED_PORT);
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  let serverVersion = "unknown";
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    const { rows } = await admin.query<{ server_version: string }>("show server_version");
    serverVersion = rows[0]?.server_version ?? serverVersion;
  } finally {
    await admin.end();
  }
  const url = withDatabase(server.url, name);
  await migrateToLatest(url);
  return { url, serverVersion, stop: server.stop };
}
