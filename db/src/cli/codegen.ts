import { execFileSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { startEmbeddedPostgres } from "../embedded.ts";
import { migrateToLatest } from "../migrate.ts";
import { withDatabase } from "../resolve-database.ts";

/**
 * Generates db/src/generated/db.ts from a freshly migrated database (kysely-codegen).
 * `--check` fails when the committed file differs: CI runs it so types never go stale.
 */
const check = process.argv.includes("--check");
const outFile = fileURLToPath(new URL("../generated/db.ts", import.meta.url));

let adminUrl = process.env.DATABASE_URL;
let stop = async () => {};
if (!adminUrl) {
  const server = await startEmbeddedPostgres(".data/test-pg", 54330);
  adminUrl = server.url;
  stop = server.stop;
}
const name = `quarry_codegen_${process.pid}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
try {
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  const url = withDatabase(adminUrl, name);
  await migrateToLatest(url);
  const tmp = path.join(tmpdir(), `quarry-db-${process.pid}.ts`);
  execFileSync(
    "npx",
    [
      "kysely-codegen",
      "--dialect",
      "postgres",
      "--url",
      url,
      "--out-file",
      tmp,
      "--exclude-pattern",
      "(graphile_worker|graphile_migrate|kysely_*).*",
      "--log-level",
      "error",
      "--type-mapping",
      '{"int8":"number"}',
    ],
    { stdio: "inherit" },
  );
  const fresh = readFileSync(tmp, "utf8");
  rmSync(tmp, { force: true });
  if (check) {
    let current = "";
    try {
      current = readFileSync(outFile, "utf8");
    } catch {}
    if (current !== fresh) {
      console.error("db/src/generated/db.ts is stale: run `npm run db:codegen` and commit the result.");
      process.exitCode = 1;
    } else console.log("Generated database types are up to date.");
  } else {
    writeFileSync(outFile, fresh);
    console.log(`Wrote ${outFile}`);
  }
} finally {
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
  await stop();
}
