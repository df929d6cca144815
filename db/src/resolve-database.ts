import pg from "pg";
import { startEmbeddedPostgres } from "./embedded.ts";

export interface ResolvedDatabase {
  /** Connection string of the app database. */
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** Replaces the database name in a connection string. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (!rowCount) {
      await client.query(`create database ${client.escapeIdentifier(name)}`).catch((e: { code?: string }) => {
        if (e.code !== "42P04") throw e; // created by a concurrent starter
      });
    }
  } finally {
    await client.end();
  }
}

/**
 * DATABASE_URL when set; otherwise the embedded PostgreSQL under `<dataDir>/pg` with a `quarry`
 * database in it: the one already running there (`npm start`'s, left running by stop()), or one
 * started now and stopped by stop().
 */
export async function resolveDatabase(opts: {
  databaseUrl: string | undefined;
  dataDir: string;
  port?: number;
  database?: string;
}): Promise<ResolvedDatabase> {
  if (opts.databaseUrl) return { url: opts.databaseUrl, embedded: false, stop: async () => {} };
  const server = await startEmbeddedPostgres(`${opts.dataDir}/pg`, opts.port ?? 54329);
  const database = opts.database ?? "quarry";
  try {
    await ensureDatabase(server.url, database);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { url: withDatabase(server.url, database), embedded: true, stop: server.stop };
}
