import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { afterAll, beforeAll, expect, it } from "vitest";
import { companyEntity } from "../schemas/entities.ts";
import { dropTestDatabase, insertWorkspace } from "../testing/fixtures.ts";
import { insertRecord, lockRecords, updateEnrichedColumns } from "./records.queries.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => dropTestDatabase(t));

it("updates different columns of many records in one statement, each value cast to its column's type", async () => {
  const workspaceId = await insertWorkspace(t.db);
  const other = await insertWorkspace(t.db, "Other");
  const a = await insertRecord(t.db, companyEntity, workspaceId, { name: "A", industry: "Retail" }, null);
  const b = await insertRecord(t.db, companyEntity, workspaceId, { name: "B", custom: { tier: "A" } }, null);
  const foreign = await insertRecord(t.db, companyEntity, other, { name: "F" }, null);
  await updateEnrichedColumns(t.db, companyEntity, workspaceId, [
    {
      id: a.id,
      values: { employee_count: 42, annual_revenue: 9_007_199_254_740_991, technologies: ["go", "sql"] },
    },
    { id: b.id, values: { industry: null, custom: { tier: "B", score: 2.5, tags: ["x"] }, name: "B'\"" } },
    { id: foreign.id, values: { name: "hijacked" } },
  ]);
  const rows = await lockRecords(t.db, companyEntity, workspaceId, [b.id, a.id, foreign.id]);
  expect(rows.map((r) => r.id)).toEqual([a.id, b.id].sort());
  const byId = new Map(rows.map((r) => [r.id, r]));
  expect(byId.get(a.id)).toMatchObject({
    name: "A",
    industry: "Retail",
    employee_count: 42,
    annual_revenue: 9_007_199_254_740_991,
    technologies: ["go", "sql"],
    custom: {},
  });
  expect(byId.get(b.id)).toMatchObject({
    name: "B'\"",
    industry: null,
    employee_count: null,
    technologies: [],
    custom: { tier: "B", score: 2.5, tags: ["x"] },
  });
  const f = await lockRecords(t.db, companyEntity, other, [foreign.id]);
  expect(f[0]?.name).toBe("F");
});
