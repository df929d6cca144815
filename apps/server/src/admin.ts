import { systemClock } from "@quarry/core/clock";
import { parseEnv } from "@quarry/core/env";
import { createDb } from "@quarry/db/client";
import { migrateToLatest } from "@quarry/db/migrate";
import { type ResolvedDatabase, resolveDatabase } from "@quarry/db/resolve-database";
import { adminCommands, adminUsage } from "./admin/admin-commands.ts";
import { UsageError } from "./admin/parse-flags.ts";

/**
 * `npm run admin -- <command> …`: the operator CLI for self-hosters and automation. One JSON
 * object on stdout (secrets such as a new API key appear only there). Without DATABASE_URL it uses
 * the embedded PostgreSQL under QUARRY_DATA_DIR: the one `npm start` runs, or one it starts and
 * stops itself. Every failure is one line on stderr and exit code 1, never a stack.
 */
async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === "--help" || name === "help") {
    process.stdout.write(`${adminUsage}\n`);
    return 0;
  }
  const command = name ? adminCommands[name] : undefined;
  if (!command) {
    const known = Object.keys(adminCommands).join(", ");
    fail(
      name
        ? `Unknown command: ${name} (commands: ${known}; --help shows their flags)`
        : `Usage: npm run admin -- <command> [flags], with a command from ${known} (--help shows their flags)`,
    );
    return 1;
  }
  let database: ResolvedDatabase | undefined;
  try {
    const env = parseEnv();
    database = await resolveDatabase({
      databaseUrl: env.DATABASE_URL,
      dataDir: env.QUARRY_DATA_DIR,
      port: env.QUARRY_EMBEDDED_PG_PORT,
    });
    const db = createDb(database.url, { max: 2 });
    try {
      await migrateToLatest(database.url);
      const result = await command.run({ db, clock: systemClock, env }, args);
      process.stdout.write(`${JSON.stringify(result)}\n`);
      return 0;
    } finally {
      await db.destroy();
    }
  } catch (error) {
    const usage = error instanceof UsageError ? ` (usage: npm run admin -- ${command.usage})` : "";
    fail(`${name}: ${messageOf(error)}${usage}`);
    return 1;
  } finally {
    await database?.stop().catch(() => {});
  }
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message || error.name : String(error);
  // One line: multi-line messages (an invalid environment lists every variable) are joined.
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .join("; ");
}

function fail(message: string): void {
  process.stderr.write(`${message}\n`);
}

process.exit(await main(process.argv.slice(2)));
