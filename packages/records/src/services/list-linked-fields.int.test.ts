import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { FilterGroup } from "../schemas/filter.ts";
import { dropTestDatabase, expectFailure, type Member, newWorkspace } from "../testing/fixtures.ts";

let t: TestDatabase;
let m: Member;
let ws: { workspaceId: string };
beforeAll(async () => {
  t = await createTestDatabase();
  m = await newWorkspace(t.db);
  ws = { workspaceId: m.workspaceId };
  const companies = [
    { domain: "soft.io", name: "Soft", industry: "Software", employee_count: 40, technologies: ["react"] },
    { domain: "bank.com", name: "Bank", industry: "Finance", employee_count: 9000, technologies: [] },
    { domain: "quiet.org", name: "Quiet", industry: null, employee_count: null, technologies: [] },
    { domain: "gone.net", name: "Gone", industry: "Software", employee_count: 10, technologies: [] },
  ];
  for (const data of companies) await m.caller.records.companies.create({ ...ws, data });
  for (const email of ["a@soft.io", "b@soft.io", "c@bank.com", "d@quiet.org", "e@gmail.com", "f@gone.net"]) {
    await m.caller.records.contacts.create({ ...ws, data: { email } });
  }
  const gone = await m.caller.records.companies.list({ ...ws, search: "gone.net" });
  await m.caller.records.companies.delete({ ...ws, id: gone.items[0]?.id ?? "" });
});
afterAll(() => dropTestDatabase(t));

const where = (field: string, operator: string, value?: unknown): FilterGroup =>
  ({ op: "and", conditions: [{ field, operator, value }] }) as FilterGroup;

async function emails(filter: FilterGroup): Promise<string[]> {
  const page = await m.caller.records.contacts.list({ ...ws, filter, limit: 100 });
  expect(page.total).toEqual({ value: page.items.length, exact: true });
  return page.items.map((c) => c.email ?? "").sort();
}

it("filters contacts on their company's fields; no company (or one in the trash) is empty", async () => {
  expect(await emails(where("company.industry", "equals", "Software"))).toEqual(["a@soft.io", "b@soft.io"]);
  expect(await emails(where("company.industry", "not_equals", "Software"))).toEqual([
    "c@bank.com",
    "d@quiet.org",
    "e@gmail.com",
    "f@gone.net",
  ]);
  expect(await emails(where("company.industry", "is_empty"))).toEqual([
    "d@quiet.org",
    "e@gmail.com",
    "f@gone.net",
  ]);
  expect(await emails(where("company.industry", "is_not_empty"))).toEqual([
    "a@soft.io",
    "b@soft.io",
    "c@bank.com",
  ]);
  expect(await emails(where("company.employee_count", "gt", 100))).toEqual(["c@bank.com"]);
  expect(await emails(where("company.employee_count", "between", [1, 100]))).toEqual([
    "a@soft.io",
    "b@soft.io",
  ]);
  expect(await emails(where("company.technologies", "contains", "react"))).toEqual([
    "a@soft.io",
    "b@soft.io",
  ]);
  expect(await emails(where("company.domain", "in", ["BANK.com", "quiet.org"]))).toEqual([
    "c@bank.com",
    "d@quiet.org",
  ]);
});

it("shows the company's fields on each contact and sorts on them, page by page, empty last", async () => {
  const seen: Array<[string | null, string | null]> = [];
  let cursor: string | null | undefined;
  do {
    const page = await m.caller.records.contacts.list({
      ...ws,
      sort: { field: "company.employee_count", direction: "desc" },
      limit: 2,
      cursor,
    });
    for (const c of page.items) seen.push([c.email, c.company?.name ?? null]);
    cursor = page.nextCursor;
  } while (cursor);
  // The two Soft contacts tie on employee_count: their order is the id tie-break, not creation.
  expect(seen[0]).toEqual(["c@bank.com", "Bank"]);
  expect(seen.slice(1, 3).sort()).toEqual([
    ["a@soft.io", "Soft"],
    ["b@soft.io", "Soft"],
  ]);
  expect(
    seen
      .slice(3)
      .map(([email]) => email)
      .sort(),
  ).toEqual(["d@quiet.org", "e@gmail.com", "f@gone.net"]);
});

it("names the field when it is not a company field contacts can use", async () => {
  const message = await expectFailure(
    m.caller.records.contacts.list({ ...ws, filter: where("company.description", "contains", "x") }),
    "BAD_REQUEST",
    "filter.conditions.0.field",
  );
  expect(message).toContain("company.description is not a company field contacts can use");
  await expectFailure(
    m.caller.records.companies.list({ ...ws, filter: where("company.name", "equals", "x") }),
    "BAD_REQUEST",
    "filter.conditions.0.field",
  );
});
