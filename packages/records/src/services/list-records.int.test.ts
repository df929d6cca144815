import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FilterGroup } from "../schemas/filter.ts";
import { dropTestDatabase, expectFailure, type Member, newWorkspace } from "../testing/fixtures.ts";

let t: TestDatabase;
let admin: Member;
let ws: { workspaceId: string };

interface Seed {
  name: string | null;
  domain: string | null;
  employees: number | null;
  country: string | null;
  tech: string[];
  since: string | null;
  tier: string | null;
}

const seeds: Seed[] = [
  {
    name: "alpha",
    domain: "alpha.io",
    employees: 10,
    country: "US",
    tech: ["react"],
    since: "2020-01-01",
    tier: "gold",
  },
  {
    name: "bravo",
    domain: "bravo.com",
    employees: 50,
    country: "US",
    tech: ["vue"],
    since: null,
    tier: "silver",
  },
  {
    name: "charlie",
    domain: null,
    employees: null,
    country: "DE",
    tech: [],
    since: "2019-06-30",
    tier: null,
  },
  {
    name: "delta",
    domain: "delta.de",
    employees: 50,
    country: "DE",
    tech: ["react", "go"],
    since: "2021-03-03",
    tier: "gold",
  },
  { name: null, domain: "nameless.net", employees: 5, country: null, tech: [], since: null, tier: null },
  {
    name: "echo",
    domain: "echo.com",
    employees: 1000,
    country: "FR",
    tech: ["go"],
    since: "2020-01-01",
    tier: "silver",
  },
  {
    name: "bravo",
    domain: "bravo2.com",
    employees: null,
    country: "US",
    tech: [],
    since: "2018-12-31",
    tier: "gold",
  },
  { name: null, domain: null, employees: 50, country: "FR", tech: ["react"], since: null, tier: null },
];
const ids = new Map<string, Seed>();

beforeAll(async () => {
  t = await createTestDatabase();
  admin = await newWorkspace(t.db);
  ws = { workspaceId: admin.workspaceId };
  await admin.caller.records.fields.create({
    ...ws,
    entity: "company",
    key: "since",
    label: "Customer since",
    type: "date",
  });
  await admin.caller.records.fields.create({
    ...ws,
    entity: "company",
    key: "tier",
    label: "Tier",
    type: "select",
    options: ["gold", "silver"],
  });
  for (const s of seeds) {
    const custom: Record<string, unknown> = {};
    if (s.since) custom.since = s.since;
    if (s.tier) custom.tier = s.tier;
    const c = await admin.caller.records.companies.create({
      ...ws,
      data: {
        // A record with neither name nor domain can no longer be written; one from before the
        // rule is made by clearing the name in the table below.
        name: s.name ?? (s.domain ? null : "legacy"),
        domain: s.domain,
        employee_count: s.employees,
        country: s.country,
        technologies: s.tech,
        custom,
      },
    });
    if (!s.name && !s.domain) {
      await t.db.updateTable("companies").set({ name: null }).where("id", "=", c.id).execute();
    }
    ids.set(c.id, s);
  }
});
afterAll(() => dropTestDatabase(t));

/** Names of the companies matching a filter, sorted for comparison. */
async function names(filter: FilterGroup): Promise<Array<string | null>> {
  const { items, total } = await admin.caller.records.companies.list({ ...ws, filter, limit: 100 });
  expect(total).toEqual({ value: items.length, exact: true });
  return items.map((i) => i.domain ?? `(${i.name})`).sort();
}

const where = (field: string, operator: string, value?: unknown): FilterGroup =>
  ({ op: "and", conditions: [{ field, operator, value }] }) as FilterGroup;

describe("filters", () => {
  it("applies each operator", async () => {
    expect(await names(where("country", "equals", "DE"))).toEqual(["(charlie)", "delta.de"]);
    expect(await names(where("country", "not_equals", "US"))).toEqual([
      "(charlie)",
      "(null)",
      "delta.de",
      "echo.com",
      "nameless.net",
    ]);
    expect(await names(where("domain", "contains", ".CO"))).toEqual(["bravo.com", "bravo2.com", "echo.com"]);
    expect(await names(where("country", "in", ["FR", "DE"]))).toEqual([
      "(charlie)",
      "(null)",
      "delta.de",
      "echo.com",
    ]);
    expect(await names(where("name", "is_empty"))).toEqual(["(null)", "nameless.net"]);
    expect(await names(where("employee_count", "is_not_empty"))).toHaveLength(6);
    expect(await names(where("employee_count", "gt", 50))).toEqual(["echo.com"]);
    expect(await names(where("employee_count", "gte", 50))).toEqual([
      "(null)",
      "bravo.com",
      "delta.de",
      "echo.com",
    ]);
    expect(await names(where("employee_count", "lt", 10))).toEqual(["nameless.net"]);
    expect(await names(where("employee_count", "lte", 10))).toEqual(["alpha.io", "nameless.net"]);
    expect(await names(where("employee_count", "between", [10, 50]))).toEqual([
      "(null)",
      "alpha.io",
      "bravo.com",
      "delta.de",
    ]);
    expect(await names(where("technologies", "contains", "go"))).toEqual(["delta.de", "echo.com"]);
    expect(await names(where("technologies", "is_empty"))).toEqual([
      "(charlie)",
      "bravo2.com",
      "nameless.net",
    ]);
  });

  it("nests AND / OR groups", async () => {
    const filter: FilterGroup = {
      op: "or",
      conditions: [
        {
          op: "and",
          conditions: [
            { field: "country", operator: "equals", value: "US" },
            { field: "employee_count", operator: "gte", value: 50 },
          ],
        },
        { field: "domain", operator: "equals", value: "echo.com" },
      ],
    };
    expect(await names(filter)).toEqual(["bravo.com", "echo.com"]);
  });

  it("filters on custom fields by their type", async () => {
    expect(await names(where("custom.tier", "equals", "gold"))).toEqual([
      "alpha.io",
      "bravo2.com",
      "delta.de",
    ]);
    expect(await names(where("custom.since", "between", ["2020-01-01", "2020-12-31"]))).toEqual([
      "alpha.io",
      "echo.com",
    ]);
    expect(await names(where("custom.since", "is_empty"))).toEqual(["(null)", "bravo.com", "nameless.net"]);
  });

  it("names the bad part of a filter", async () => {
    const list = (filter: FilterGroup) => admin.caller.records.companies.list({ ...ws, filter });
    await expectFailure(list(where("nope", "equals", "x")), "BAD_REQUEST", "filter.conditions.0.field");
    await expectFailure(
      list(where("custom.nope", "equals", "x")),
      "BAD_REQUEST",
      "filter.conditions.0.field",
    );
    await expectFailure(
      list(where("employee_count", "gt", "many")),
      "BAD_REQUEST",
      "filter.conditions.0.value",
    );
    await expectFailure(
      list(where("employee_count", "contains", 5)),
      "BAD_REQUEST",
      "filter.conditions.0.operator",
    );
    await expectFailure(
      list(where("custom.since", "gt", "yesterday")),
      "BAD_REQUEST",
      "filter.conditions.0.value",
    );
    await expectFailure(list(where("name", "between", ["a"])), "BAD_REQUEST", "filter.conditions.0.value");
    // Text has no order a person would filter by: "greater than" is refused, as the dialog never offers it.
    await expectFailure(list(where("name", "gt", "m")), "BAD_REQUEST", "filter.conditions.0.operator");
    await expectFailure(
      list(where("name", "between", ["a", "m"])),
      "BAD_REQUEST",
      "filter.conditions.0.operator",
    );
    await expectFailure(
      list(where("name; drop table companies", "equals", "x")),
      "BAD_REQUEST",
      "filter.conditions.0.field",
    );
  });
});

/** Expected order: values ascending/descending, empty values last, ties by id in the same direction. */
function expectedOrder(key: (s: Seed) => string | number | null, direction: "asc" | "desc"): string[] {
  const sign = direction === "asc" ? 1 : -1;
  return [...ids.entries()]
    .sort(([ia, a], [ib, b]) => {
      const va = key(a);
      const vb = key(b);
      if (va === null || vb === null) {
        if (va !== vb) return va === null ? 1 : -1;
      } else if (va !== vb) return (va < vb ? -1 : 1) * sign;
      return (ia < ib ? -1 : 1) * sign;
    })
    .map(([id]) => id);
}

/** Every page of a sorted list, walked through the cursors. */
async function walk(sort: { field: string; direction: "asc" | "desc" }, limit: number): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 50; page++) {
    const res: { items: Array<{ id: string }>; nextCursor: string | null } =
      await admin.caller.records.companies.list({ ...ws, sort, limit, cursor });
    seen.push(...res.items.map((i) => i.id));
    cursor = res.nextCursor;
    if (!cursor) return seen;
  }
  throw new Error("pagination did not end");
}

describe("sort and keyset pagination", () => {
  const cases: Array<[string, (s: Seed) => string | number | null]> = [
    ["name", (s) => s.name],
    ["employee_count", (s) => s.employees],
    ["custom.since", (s) => s.since],
  ];
  for (const [field, key] of cases) {
    for (const direction of ["asc", "desc"] as const) {
      it(`sorts on ${field} ${direction} with empty values last and pages through every row exactly once`, async () => {
        const expected = expectedOrder(key, direction);
        const all = await admin.caller.records.companies.list({
          ...ws,
          sort: { field, direction },
          limit: 100,
        });
        expect(all.items.map((i) => i.id)).toEqual(expected);
        for (const limit of [1, 3]) expect(await walk({ field, direction }, limit)).toEqual(expected);
      });
    }
  }

  it("sorts on created_at (the default is newest first) and rejects a cursor from another sort", async () => {
    const newest = await admin.caller.records.companies.list({ ...ws, limit: 3 });
    const oldest = await admin.caller.records.companies.list({
      ...ws,
      sort: { field: "created_at", direction: "asc" },
    });
    expect(oldest.items.map((i) => i.id)).toEqual([...ids.keys()]);
    expect(newest.items.map((i) => i.id)).toEqual([...ids.keys()].reverse().slice(0, 3));
    expect(await walk({ field: "createdAt", direction: "desc" }, 3)).toEqual([...ids.keys()].reverse());
    await expectFailure(
      admin.caller.records.companies.list({
        ...ws,
        sort: { field: "name", direction: "asc" },
        cursor: newest.nextCursor,
      }),
      "BAD_REQUEST",
      "cursor",
    );
    await expectFailure(
      admin.caller.records.companies.list({ ...ws, cursor: "garbage" }),
      "BAD_REQUEST",
      "cursor",
    );
  });

  it("combines a filter with sorting and paging", async () => {
    const filter = where("technologies", "is_not_empty");
    const pages = [];
    let cursor: string | null | undefined;
    do {
      const res = await admin.caller.records.companies.list({
        ...ws,
        filter,
        sort: { field: "employee_count", direction: "desc" },
        limit: 2,
        cursor,
      });
      expect(res.total).toEqual({ value: 5, exact: true });
      pages.push(res.items.map((i) => i.employee_count));
      cursor = res.nextCursor;
    } while (cursor);
    expect(pages).toEqual([[1000, 50], [50, 50], [10]]);
  });
});

describe("search", () => {
  it("finds companies by name and domain", async () => {
    const search = async (q: string) =>
      (await admin.caller.records.companies.list({ ...ws, search: q })).items.map((i) => i.domain).sort();
    expect(await search("bravo")).toEqual(["bravo.com", "bravo2.com"]);
    expect(await search("delta.de")).toEqual(["delta.de"]);
    expect(await search("ech")).toEqual(["echo.com"]);
  });
});
