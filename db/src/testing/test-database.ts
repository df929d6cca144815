import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createDb, type Database } from "../client.ts";
import { withDatabase } from "../resolve-database.ts";

export interface TestDatabase {
  db: Database;
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A fresh database cloned from the migrated template: one per test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject("pgAdminUrl");
  const template = inject("pgTemplate");
  const name = `quarry_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(
    `create database ${admin.escapeIdentifier(name)} template ${admin.escapeIdentifier(template)}`,
  );
  await admin.end();
  const url = withDatabase(adminUrl, name);
  const db = createDb(url, { max: 5 });
  return {
    db,
    url,
    name,
    async drop() {
      await db.destroy();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${c.escapeIdentifier(name)} with (force)`);
      await c.end();
    },
  };
}
