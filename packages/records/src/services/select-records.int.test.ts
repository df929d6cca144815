import { systemClock } from "@quarry/core/clock";
import { silentLogger } from "@quarry/core/logger";
import { systemActor } from "@quarry/core/service-context";
import type { ServiceCtx } from "@quarry/db/service-context";
import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { sql } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import { companyEntity } from "../schemas/entities.ts";
import type { FilterGroup } from "../schemas/filter.ts";
import type { RecordSelection } from "../schemas/selection.ts";
import { dropTestDatabase, insertWorkspace, type Member, newWorkspace } from "../testing/fixtures.ts";
import { SELECT_PAGE_SIZE, selectRecords } from "./select-records.ts";

let t: TestDatabase;
let admin: Member;
let otherWorkspace: string;

const filter: FilterGroup = {
  op: "and",
  conditions: [
    { field: "country", operator: "equals", value: "US" },
    { field: "custom.tier", operator: "equals", value: "gold" },
  ],
};
const search = "acme";

/**
 * 3,000 companies per workspace; about 1,200 match the filter and search. created_at takes 14
 * values (seven seconds, each with and without one microsecond), so a page boundary falls inside
 * a run of equal timestamps and a key rounded to the millisecond would skip or repeat rows.
 */
async function seed(workspaceId: string): Promise<void> {
  await sql`
    insert into companies (workspace_id, name, domain, country, custom, created_at)
    select ${workspaceId}, case when i % 4 = 0 then 'Other ' || i else 'Acme ' || i end,
      'd' || i || '.example', case when i % 3 = 0 then 'DE' else 'US' end,
      case when i % 5 = 0 then '{"tier":"silver"}'::jsonb else '{"tier":"gold"}'::jsonb end,
      timestamptz '2026-01-01 00:00:00+00' + (i % 7) * interval '1 second' + (i % 2) * interval '1 microsecond'
    from generate_series(1, 3000) as i`.execute(t.db);
}

beforeAll(async () => {
  t = await createTestDatabase();
  admin = await newWorkspace(t.db);
  await admin.caller.records.fields.create({
    workspaceId: admin.workspaceId,
    entity: "company",
    key: "tier",
    label: "Tier",
    type: "select",
    options: ["gold", "silver"],
  });
  otherWorkspace = await insertWorkspace(t.db, "Other");
  await seed(admin.workspaceId);
  await seed(otherWorkspace);
  await sql`update companies set deleted_at = now()
    where workspace_id = ${admin.workspaceId} and split_part(substring(domain from 2), '.', 1)::int % 11 = 0`.execute(
    t.db,
  );
});
afterAll(() => dropTestDatabase(t));

function ctx(): ServiceCtx {
  return {
    db: t.db,
    workspaceId: admin.workspaceId,
    actor: systemActor("enrichment"),
    clock: systemClock,
    log: silentLogger,
  };
}

/** Every id the list screen shows for the filter and search, page after page, in its order. */
async function listedIds(): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: Array<{ id: string }>; nextCursor: string | null } =
      await admin.caller.records.companies.list({
        workspaceId: admin.workspaceId,
        filter,
        search,
        cursor,
        limit: 500,
      });
    ids.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

it("selects by filter and search exactly the records the list shows, in the list's order", async () => {
  const listed = await listedIds();
  expect(listed.length).toBeGreaterThan(SELECT_PAGE_SIZE);
  const { records, truncated } = await selectRecords(ctx(), companyEntity, { filter, search }, 50_000);
  expect(truncated).toBe(false);
  expect(records.map((r) => r.id)).toEqual(listed);
  expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
  const first = records[0];
  expect(first?.values).toMatchObject({ country: "US" });
  expect(String(first?.values.name)).toMatch(/^Acme /);
  expect(first?.sources).toEqual({});
});

it("leaves out other workspaces' and deleted records", async () => {
  const { records } = await selectRecords(ctx(), companyEntity, { filter, search }, 50_000);
  const { rows } = await sql<{ id: string; workspace_id: string; deleted_at: Date | null }>`
    select id, workspace_id, deleted_at from companies where id = any(${records.map((r) => r.id)}::uuid[])`.execute(
    t.db,
  );
  expect(rows).toHaveLength(records.length);
  expect(rows.every((r) => r.workspace_id === admin.workspaceId && r.deleted_at === null)).toBe(true);
});

it.each([
  { limit: 1, truncated: true },
  { limit: SELECT_PAGE_SIZE, truncated: true },
  { limit: SELECT_PAGE_SIZE + 7, truncated: true },
])("a limit of $limit takes the list's first records and says more matched", async ({ limit }) => {
  const listed = await listedIds();
  const { records, truncated } = await selectRecords(ctx(), companyEntity, { filter, search }, limit);
  expect(records.map((r) => r.id)).toEqual(listed.slice(0, limit));
  expect(truncated).toBe(true);
});

it("is not truncated when exactly the limit matched", async () => {
  const listed = await listedIds();
  const { records, truncated } = await selectRecords(ctx(), companyEntity, { filter, search }, listed.length);
  expect(records.map((r) => r.id)).toEqual(listed);
  expect(truncated).toBe(false);
});

it("selects by ids only this workspace's live records, with their values and provenance", async () => {
  const live = await sql<{ id: string }>`select id from companies
    where workspace_id = ${admin.workspaceId} and deleted_at is null order by id limit 3`.execute(t.db);
  const deleted = await sql<{ id: string }>`select id from companies
    where workspace_id = ${admin.workspaceId} and deleted_at is not null limit 1`.execute(t.db);
  const foreign = await sql<{ id: string }>`select id from companies
    where workspace_id = ${otherWorkspace} limit 1`.execute(t.db);
  const liveIds = live.rows.map((r) => r.id);
  const [a, b, c] = liveIds;
  if (!a || !b || !c) throw new Error("seed has live records");
  await sql`insert into record_field_sources (workspace_id, entity, record_id, field, provider, confidence, verification, fetched_at, sandbox)
    values (${admin.workspaceId}, 'company', ${a}, 'industry', 'acme-data', 90, 'valid', now(), false)`.execute(
    t.db,
  );
  const ids = [c, ...deleted.rows.map((r) => r.id), ...foreign.rows.map((r) => r.id), a, b, a];
  const selection: RecordSelection = { ids };
  const { records, truncated } = await selectRecords(ctx(), companyEntity, selection, 50_000);
  expect(truncated).toBe(false);
  expect(records.map((r) => r.id)).toEqual([a, b, c]);
  expect(records[0]?.sources.industry).toMatchObject({ provider: "acme-data", confidence: 90 });
  expect(Object.keys(records[0]?.values ?? {}).sort()).toEqual(Object.keys(companyEntity.fields).sort());

  const one = await selectRecords(ctx(), companyEntity, { id: b }, 50_000);
  expect(one.records.map((r) => r.id)).toEqual([b]);
  const capped = await selectRecords(ctx(), companyEntity, { ids: [a, b, c] }, 2);
  expect(capped.records.map((r) => r.id)).toEqual([a, b]);
  expect(capped.truncated).toBe(true);
});
