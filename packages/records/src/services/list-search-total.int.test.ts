import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countRecordsUpTo } from "../queries/list-records.queries.ts";
import { contactEntity } from "../schemas/entities.ts";
import { dropTestDatabase, type Member, newWorkspace, testCaller } from "../testing/fixtures.ts";

let t: TestDatabase;
let admin: Member;
let ws: { workspaceId: string };
beforeAll(async () => {
  t = await createTestDatabase();
  admin = await newWorkspace(t.db);
  ws = { workspaceId: admin.workspaceId };
});
afterAll(() => dropTestDatabase(t));

describe("search", () => {
  it("finds contacts by name, email and company domain, by prefix", async () => {
    const c = (data: Record<string, string>) => admin.caller.records.contacts.create({ ...ws, data });
    const ada = await c({ first_name: "Ada", last_name: "Lovelace", email: "ada@analytical.org" });
    const grace = await c({ full_name: "Grace Hopper", email: "grace@navy.mil", company_domain: "navy.mil" });
    const search = async (q: string) =>
      (await admin.caller.records.contacts.list({ ...ws, search: q })).items.map((i) => i.id).sort();
    expect(await search("lovel")).toEqual([ada.id]);
    expect(await search("ada lov")).toEqual([ada.id]);
    expect(await search("GRACE")).toEqual([grace.id]);
    expect(await search("ada@analytical.org")).toEqual([ada.id]);
    expect(await search("analytical")).toEqual([ada.id]);
    expect(await search("navy.mil")).toEqual([grace.id]);
    expect(await search("hopper lovelace")).toEqual([]);
    expect(await search("'&|!:*()")).toEqual([ada.id, grace.id].sort());
  });
});

describe("total", () => {
  it("is exact up to 10,000 and an estimate above, carried unchanged to later pages", async () => {
    const big = await newWorkspace(t.db);
    // Bulk rows straight into the table: 10,050 contacts, 20 of them in Oslo.
    await sql`insert into contacts (workspace_id, email, city)
      select ${big.workspaceId}::uuid, 'bulk' || i || '@example.com', case when i <= 20 then 'Oslo' end
      from generate_series(1, 10050) as i`.execute(t.db);
    // Statistics now, not whenever autovacuum gets to it: the estimate decides "above 10,000".
    await sql`analyze contacts`.execute(t.db);
    const inBig = { workspaceId: big.workspaceId };
    const all = await big.caller.records.contacts.list({ ...inBig, limit: 10 });
    expect(all.total.exact).toBe(false);
    expect(all.total.value).toBeGreaterThan(10_000);
    const next = await big.caller.records.contacts.list({ ...inBig, limit: 10, cursor: all.nextCursor });
    expect(next.total).toEqual(all.total);
    // Below the limit the rows are counted.
    const oslo = await t.db.transaction().execute((trx) =>
      testCaller(trx, big).records.contacts.list({
        ...inBig,
        filter: { op: "and", conditions: [{ field: "city", operator: "equals", value: "Oslo" }] },
        limit: 5,
      }),
    );
    expect(oslo.total).toEqual({ value: 20, exact: true });
  });
});

describe("total of a small list", () => {
  it("is counted exactly even when the count has to wait, never the planner's guess", async () => {
    const member = await newWorkspace(t.db);
    const inWs = { workspaceId: member.workspaceId };
    for (let i = 1; i <= 6; i++) {
      await member.caller.records.contacts.create({ ...inWs, data: { email: `six${i}@example.com` } });
    }
    // The first list plans (and caches) the estimate; the count is exact.
    expect((await member.caller.records.contacts.list(inWs)).total).toEqual({ value: 6, exact: true });

    // Another transaction holds the table, so the next count waits (as on a busy server). The
    // lock is released only once the list is seen waiting for it: a list that gave up and showed
    // the estimate ("~1 contact" over 6 rows) fails the expectation below.
    const total = await t.db.connection().execute(async (conn) => {
      await sql`begin`.execute(conn);
      await sql`lock table contacts in access exclusive mode`.execute(conn);
      const listed = member.caller.records.contacts.list(inWs);
      await expect
        .poll(
          async () =>
            (
              await sql<{ n: number }>`select count(*)::int as n from pg_locks
                where relation = 'contacts'::regclass and not granted`.execute(t.db)
            ).rows[0]?.n,
        )
        .toBeGreaterThan(0);
      await sql`rollback`.execute(conn);
      return (await listed).total;
    });
    expect(total).toEqual({ value: 6, exact: true });
  });
});

describe("total under a time budget", () => {
  it("shows the estimate when counting would take longer than the budget, and leaves the connection as it was", async () => {
    const member = await newWorkspace(t.db);
    const inWs = { workspaceId: member.workspaceId };
    await member.caller.records.contacts.create({
      ...inWs,
      data: { email: "one@example.com", city: "Oslo" },
    });
    const oslo = {
      ...inWs,
      filter: {
        op: "and" as const,
        conditions: [{ field: "city", operator: "equals" as const, value: "Oslo" }],
      },
    };
    expect((await member.caller.records.contacts.list(oslo)).total).toEqual({ value: 1, exact: true });

    // Another transaction holding the table makes the count wait past its budget.
    const scope = {
      entity: contactEntity,
      workspaceId: member.workspaceId,
      deleted: false,
      filter: null,
      tsquery: null,
    };
    const blocker = await t.db.connection().execute(async (conn) => {
      await sql`begin`.execute(conn);
      await sql`lock table contacts in access exclusive mode`.execute(conn);
      // The lock is released only after the count returns: a count that waited for it instead of
      // giving up at its budget would never return, so no wall-clock bound is needed here.
      const counted = await countRecordsUpTo(t.db, scope, 10_001, 50);
      await sql`rollback`.execute(conn);
      return { counted };
    });
    expect(blocker.counted).toBeNull();
    // The timeout was local to the count's transaction: pooled connections have none.
    const settings = await Promise.all(
      Array.from({ length: 4 }, () =>
        sql<{ v: string }>`select current_setting('statement_timeout') as v`.execute(t.db),
      ),
    );
    expect(settings.map((s) => s.rows[0]?.v)).toEqual(["0", "0", "0", "0"]);
    expect(await countRecordsUpTo(t.db, scope, 10_001, 50)).toBe(1);
  });
});
