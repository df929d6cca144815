import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "./testing/test-database.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

describe("migrated schema", () => {
  it("has graphile-worker's schema beside ours", async () => {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from information_schema.schemata where schema_name = 'graphile_worker'`.execute(
      t.db,
    );
    expect(rows[0]?.n).toBe(1);
  });

  it("keeps monthly activity partitions ahead and drops those past retention", async () => {
    const parts = async () =>
      (
        await sql<{ relname: string }>`
          select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
          where i.inhparent = 'record_activity'::regclass and c.relname ~ '_\\d{4}_\\d{2}$' order by 1`.execute(
          t.db,
        )
      ).rows.map((r) => r.relname);
    const before = await parts();
    expect(before.length).toBeGreaterThanOrEqual(4);

    // An old partition (three years back) is dropped when retention is 24 months.
    await sql`create table record_activity_2001_01 partition of record_activity
      for values from ('2001-01-01') to ('2001-02-01')`.execute(t.db);
    const { rows } = await sql<{ created: string[]; dropped: string[] }>`
      select * from maintain_record_activity_partitions(6, 24)`.execute(t.db);
    expect(rows[0]?.dropped).toEqual(["record_activity_2001_01"]);
    expect(rows[0]?.created.length).toBe(3);
    expect((await parts()).length).toBe(before.length + 3);
  });
});
