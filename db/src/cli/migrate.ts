import { parseEnv } from "@quarry/core/env";
import { migrateToLatest } from "../migrate.ts";
import { resolveDatabase } from "../resolve-database.ts";

const env = parseEnv();
const database = await resolveDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.QUARRY_DATA_DIR });
try {
  const { applied } = await migrateToLatest(database.url);
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
} finally {
  await database.stop();
}
