import { promises as fs } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runMigrations } from "graphile-worker";
import { Kysely, PostgresDialect } from "kysely";
import { FileMigrationProvider, Migrator } from "kysely/migration";
import pg from "pg";

export const migrationsDir = fileURLToPath(new URL("../migrations", import.meta.url));

/** Applies Quarry's migrations and graphile-worker's own schema. Safe to run concurrently. */
export async function migrateToLatest(connectionString: string): Promise<{ applied: string[] }> {
  const pool = new pg.Pool({ connectionString, max: 2 });
  // Idle-client errors surface on the next query instead of crashing the process.
  pool.on("error", () => {});
  pool.on("connect", (client) => client.on("error", () => {}));
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
  try {
    const migrator = new Migrator({
      db,
      provider: new FileMigrationProvider({ fs, path, migrationFolder: migrationsDir }),
    });
    const { error, results } = await migrator.migrateToLatest();
    const failed = results?.find((r) => r.status === "Error");
    if (error || failed) {
      const name = failed ? ` (${failed.migrationName})` : "";
      throw new Error(`Migration failed${name}: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
      });
    }
    await runMigrations({ pgPool: pool, logger: undefined });
    return { applied: (results ?? []).map((r) => r.migrationName) };
  } finally {
    await db.destroy();
  }
}
