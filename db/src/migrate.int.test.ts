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
          where i.inhparent = 'record_activity'::regclass and c.relname ~ '_[0-9]{4}_[0-9]{2}$' order by 1`.execute(
          t.db,
        )
      ).rows.map((r) => r.relname);
    const before = await parts();
    expect(before.length).toBeGreaterThanOrEqual(4);

    // An old partition (three years back) is dropped when retention is 24 months.
    await sql`create table record_activity_2001_01 partition of record_activity
      for values from ('2001-01-01') to ('2001-02-01')`.execute(t.db);
    const { rows } = await sql<{ created: string[]; dropped: string[] }>`
      select * from maintain_monthly_partitions('record_activity', 6, 24)`.execute(t.db);
    expect(rows[0]?.dropped).toEqual(["record_activity_2001_01"]);
    expect(rows[0]?.created.length).toBe(3);
    expect((await parts()).length).toBe(before.length + 3);
  });
});

describe("maintain_monthly_partitions", () => {
  const month = (offset: number) => {
    const now = new Date();
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
    return `${d.getUTCFullYear()}_${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
  };
  const exists = async (name: string) =>
    (await sql<{ r: string | null }>`select to_regclass(${name})::text as r`.execute(t.db)).rows[0]?.r ??
    null;

  it("is the one function both monthly-partitioned tables are kept with", async () => {
    const { rows: fns } = await sql<{ proname: string }>`
      select proname from pg_proc where proname like 'maintain%partitions' order by 1`.execute(t.db);
    expect(fns.map((f) => f.proname)).toEqual(["maintain_monthly_partitions"]);

    for (const table of ["record_activity", "enrichment_records"]) {
      const next = `${table}_${month(1)}`;
      await sql`drop table ${sql.table(next)}`.execute(t.db);
      expect(await exists(next)).toBeNull();
      const { rows } = await sql<{ created: string[]; dropped: string[] }>`
        select * from maintain_monthly_partitions(${table}, 1, 24)`.execute(t.db);
      expect(rows[0]).toEqual({ created: [next], dropped: [] });
      expect(await exists(next)).toBe(next);
    }
  });

  it("refuses a table that is not partitioned", async () => {
    await expect(
      sql`select * from maintain_monthly_partitions('workspaces', 1, 24)`.execute(t.db),
    ).rejects.toThrow("workspaces is not a partitioned table");
  });
});

describe("0022: workspaces from before billing", () => {
  it("get a 14-day Starter trial, and a workspace that has billing state keeps it", async () => {
    const { up } = await import("../migrations/0022-billing-existing-workspaces.ts");
    const made = await sql<{ id: string }>`
      insert into workspaces (name) values ('Before billing'), ('Already paying') returning id`.execute(t.db);
    const [before, paying] = made.rows.map((r) => r.id);
    await sql`insert into workspace_billing (workspace_id, plan, status) values (${paying}, 'pro', 'active')`.execute(
      t.db,
    );
    await up(t.db);
    const { rows } = await sql<{ workspace_id: string; plan: string; status: string; days: number | null }>`
      select workspace_id, plan, status,
             round(extract(epoch from trial_ends_at - now()) / 86400)::int as days
      from workspace_billing where workspace_id in (${before}, ${paying})`.execute(t.db);
    const byId = Object.fromEntries(rows.map((r) => [r.workspace_id, r]));
    expect(byId[before ?? ""]).toMatchObject({ plan: "starter", status: "trialing", days: 14 });
    expect(byId[paying ?? ""]).toMatchObject({ plan: "pro", status: "active", days: null });
  });
});
