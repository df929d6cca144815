import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { migrateToLatest, migrationsDir } from "../migrate.ts";
import { withDatabase } from "../resolve-database.ts";

/** Name of the template database: a hash of every migration file, so a changed migration makes a new one. */
export async function templateName(): Promise<string> {
  const hash = createHash("sha256");
  for (const file of (await readdir(migrationsDir)).sort()) {
    hash.update(file);
    hash.update(await readFile(path.join(migrationsDir, file)));
  }
  return `quarry_tpl_${hash.digest("hex").slice(0, 16)}`;
}

/** Creates and migrates the template database once; concurrent callers wait on an advisory lock. */
export async function ensureTemplate(adminUrl: string): Promise<string> {
  const name = await templateName();
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock(7311)");
    const { rows } = await client.query<{ datistemplate: boolean }>(
      "select datistemplate from pg_database where datname = $1",
      [name],
    );
    if (rows[0]?.datistemplate) return name;
    if (rows[0]) await client.query(`drop database ${client.escapeIdentifier(name)}`);
    await client.query(`create database ${client.escapeIdentifier(name)}`);
    await migrateToLatest(withDatabase(adminUrl, name));
    await client.query(
      `alter database ${client.escapeIdentifier(name)} with is_template true allow_connections false`,
    );
    return name;
  } finally {
    await client.query("select pg_advisory_unlock(7311)").catch(() => {});
    await client.end();
  }
}
