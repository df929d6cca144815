import { systemClock } from "@quarry/core/clock";
import { userActor } from "@quarry/core/service-context";
import type { Database } from "@quarry/db/client";
import type { ServiceCtx } from "@quarry/db/service-context";
import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { type KyselyPlugin, sql } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import { companyEntity, contactEntity } from "../schemas/entities.ts";
import { activityRows, dropTestDatabase, newWorkspace } from "../testing/fixtures.ts";
import { applyEnrichedValuesBatch, type EnrichedFieldValue } from "./apply-enriched-values.ts";
import { createCustomField } from "./create-custom-field.ts";
import { createRecord } from "./create-record.ts";
import { getRecord } from "./get-record.ts";
import { updateRecord } from "./update-record.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => dropTestDatabase(t));

const fetchedAt = new Date("2026-01-10T00:00:00Z");
const value = (field: string, v: unknown, provider = "hunter"): EnrichedFieldValue => ({
  field,
  value: v,
  provider,
  confidence: 88,
  verification: "valid",
  fetchedAt,
  sandbox: false,
});
const keep = { overwrite: false, runId: null };

async function setup(db: Database = t.db) {
  const m = await newWorkspace(t.db);
  const user: ServiceCtx = {
    db,
    workspaceId: m.workspaceId,
    actor: userActor(m.user.id),
    clock: systemClock,
    log: { info() {}, warn() {}, error() {}, debug() {}, child: () => user.log },
  };
  const enrichment: ServiceCtx = { ...user };
  return { m, user, enrichment };
}

/** The database, counting the statements run through it (BEGIN and COMMIT are not counted). */
function counting(): { db: Database; count: () => number; reset: () => void } {
  let n = 0;
  const plugin: KyselyPlugin = {
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      n++;
      return args.result;
    },
  };
  return {
    db: t.db.withPlugin(plugin),
    count: () => n,
    reset: () => {
      n = 0;
    },
  };
}

it("fills several records in one call: typed columns, provenance, one activity row each, custom kept", async () => {
  const { user, enrichment, m } = await setup();
  await createCustomField(user, {
    entity: "company",
    key: "tier",
    label: "Tier",
    type: "select",
    options: ["A", "B"],
  });
  await createCustomField(user, { entity: "company", key: "score", label: "Score", type: "number" });
  const a = await createRecord(user, companyEntity, { name: "Acme", custom: { tier: "A", score: 1.5 } });
  const b = await createRecord(user, companyEntity, { name: "Bolt", industry: "Retail" });
  const results = await applyEnrichedValuesBatch(
    enrichment,
    companyEntity,
    [
      {
        recordId: a.id,
        values: [
          value("employee_count", 120),
          value("annual_revenue", 9_007_199_254_740_991),
          value("founded_year", 1999),
          value("technologies", ["react", "postgres", "react"], "builtwith"),
          value("domain", "https://www.Acme.com/about"),
        ],
      },
      {
        recordId: b.id,
        values: [value("description", "Bolts, nuts\n'and' \"more\""), value("funding_total", 0)],
      },
    ],
    keep,
  );
  expect(results).toEqual(
    new Map([
      [
        a.id,
        {
          applied: ["employee_count", "annual_revenue", "founded_year", "technologies", "domain"],
          skipped: [],
        },
      ],
      [b.id, { applied: ["description", "funding_total"], skipped: [] }],
    ]),
  );
  const ra = await getRecord(user, companyEntity, a.id);
  expect(ra).toMatchObject({
    name: "Acme",
    employee_count: 120,
    annual_revenue: 9_007_199_254_740_991,
    founded_year: 1999,
    technologies: ["react", "postgres"],
    domain: "acme.com",
    industry: null,
    description: null,
    custom: { tier: "A", score: 1.5 },
  });
  expect(ra.sources.technologies).toEqual({
    provider: "builtwith",
    confidence: 88,
    verification: "valid",
    fetchedAt: fetchedAt.toISOString(),
    sandbox: false,
  });
  // "Updated" is the last edit by a person, an import or the API: enrichment keeps it.
  expect(ra.updatedAt).toBe(a.updatedAt);
  const rb = await getRecord(user, companyEntity, b.id);
  expect(rb).toMatchObject({
    name: "Bolt",
    industry: "Retail",
    description: "Bolts, nuts\n'and' \"more\"",
    funding_total: 0,
    employee_count: null,
    technologies: [],
    custom: {},
  });
  expect(Object.keys(rb.sources).sort()).toEqual(["description", "funding_total"]);
  const rows = await t.db
    .selectFrom("companies")
    .select(["id", "updated_by"])
    .where("id", "in", [a.id, b.id])
    .execute();
  expect(rows.map((r) => r.updated_by)).toEqual([m.user.id, m.user.id]);
  const activityA = await activityRows(t.db, a.id);
  expect(activityA).toHaveLength(2);
  expect(activityA[1]).toMatchObject({ action: "update", source: "enrichment", actor_id: m.user.id });
  expect(activityA[1]?.changes).toEqual([
    { field: "employee_count", old: null, new: 120, provider: "hunter" },
    { field: "annual_revenue", old: null, new: 9_007_199_254_740_991, provider: "hunter" },
    { field: "founded_year", old: null, new: 1999, provider: "hunter" },
    { field: "technologies", old: [], new: ["react", "postgres"], provider: "builtwith" },
    { field: "domain", old: null, new: "acme.com", provider: "hunter" },
  ]);
  expect((await activityRows(t.db, b.id)).at(-1)?.changes).toEqual([
    { field: "description", old: null, new: "Bolts, nuts\n'and' \"more\"", provider: "hunter" },
    { field: "funding_total", old: null, new: 0, provider: "hunter" },
  ]);

  // The same answers again: confirmed (applied, provenance refreshed), no change, no activity row.
  const again = await applyEnrichedValuesBatch(
    enrichment,
    companyEntity,
    [{ recordId: a.id, values: [value("employee_count", 120, "apollo")] }],
    keep,
  );
  expect(again.get(a.id)).toEqual({ applied: ["employee_count"], skipped: [] });
  expect(await activityRows(t.db, a.id)).toHaveLength(2);
  expect((await getRecord(user, companyEntity, a.id)).sources.employee_count?.provider).toBe("apollo");
});

it("skips a deleted or unknown record and what a user typed, while the rest of the batch applies", async () => {
  const { user, enrichment } = await setup();
  const typed = await createRecord(user, companyEntity, { name: "Typed", employee_count: 5, city: "Oslo" });
  const empty = await createRecord(user, companyEntity, { name: "Empty" });
  const gone = await createRecord(user, companyEntity, { name: "Gone" });
  await t.db.updateTable("companies").set({ deleted_at: new Date() }).where("id", "=", gone.id).execute();
  const unknown = "00000000-0000-4000-8000-000000000001";
  const results = await applyEnrichedValuesBatch(
    enrichment,
    companyEntity,
    [
      { recordId: gone.id, values: [value("city", "Rome"), value("phone", "+39 06 555")] },
      { recordId: typed.id, values: [value("employee_count", 500), value("industry", "Software")] },
      { recordId: unknown, values: [value("city", "Rome")] },
      {
        recordId: empty.id,
        values: [
          value("employee_count", 500),
          value("founded_year", 1200),
          value("city", "   "),
          value("id", "x"),
        ],
      },
    ],
    keep,
  );
  expect([...results.keys()]).toEqual([gone.id, typed.id, unknown, empty.id]);
  expect(results.get(gone.id)).toEqual({
    applied: [],
    skipped: [
      { field: "city", reason: "the record was deleted" },
      { field: "phone", reason: "the record was deleted" },
    ],
  });
  expect(results.get(unknown)?.skipped).toEqual([{ field: "city", reason: "the record was deleted" }]);
  expect(results.get(typed.id)).toEqual({
    applied: ["industry"],
    skipped: [{ field: "employee_count", reason: "a user typed this value" }],
  });
  expect(results.get(empty.id)).toEqual({
    applied: ["employee_count"],
    skipped: [
      { field: "founded_year", reason: "the value must be 1600 or later" },
      { field: "city", reason: "the value is empty" },
      { field: "id", reason: "id is not an enrichable field" },
    ],
  });
  expect(await getRecord(user, companyEntity, typed.id)).toMatchObject({
    employee_count: 5,
    industry: "Software",
    city: "Oslo",
  });
  expect(await getRecord(user, companyEntity, empty.id)).toMatchObject({ employee_count: 500, city: null });
  expect(
    (await t.db.selectFrom("companies").select("city").where("id", "=", gone.id).executeTakeFirst())?.city,
  ).toBe(null);
  expect(await activityRows(t.db, gone.id)).toHaveLength(1);

  // overwrite: the typed values go, typed columns included.
  const over = await applyEnrichedValuesBatch(
    enrichment,
    companyEntity,
    [
      { recordId: typed.id, values: [value("employee_count", 750), value("city", "Bergen")] },
      { recordId: empty.id, values: [value("employee_count", 800)] },
    ],
    { overwrite: true, runId: null },
  );
  expect(over.get(typed.id)).toEqual({ applied: ["employee_count", "city"], skipped: [] });
  expect(await getRecord(user, companyEntity, typed.id)).toMatchObject({
    employee_count: 750,
    city: "Bergen",
  });
  expect(await getRecord(user, companyEntity, empty.id)).toMatchObject({ employee_count: 800 });
  expect((await activityRows(t.db, typed.id)).at(-1)?.changes).toEqual([
    { field: "employee_count", old: 5, new: 750, provider: "hunter" },
    { field: "city", old: "Oslo", new: "Bergen", provider: "hunter" },
  ]);
});

it("gives a unique value to one record only: held outside, held by the batch, or given twice", async () => {
  const { user, enrichment } = await setup();
  await createRecord(user, contactEntity, { email: "outside@example.com" });
  const holder = await createRecord(user, contactEntity, { email: "moving@example.com" });
  const [first, second, third] = await Promise.all(
    ["Ann", "Ben", "Cy"].map((first_name) => createRecord(user, contactEntity, { first_name })),
  );
  if (!first || !second || !third) throw new Error("records not created");
  const results = await applyEnrichedValuesBatch(
    enrichment,
    contactEntity,
    [
      { recordId: second.id, values: [value("email", "Same@Example.com"), value("city", "Lyon")] },
      { recordId: first.id, values: [value("email", "same@example.com")] },
      { recordId: third.id, values: [value("email", "outside@example.com")] },
      // The holder takes another email, but still holds this one while the batch is checked.
      { recordId: holder.id, values: [value("email", "moved@example.com"), value("phone", "+44 20 5555")] },
    ],
    { overwrite: true, runId: null },
  );
  const taken = { field: "email", reason: "another contact has this email" };
  expect(results.get(second.id)).toEqual({ applied: ["email", "city"], skipped: [] });
  expect(results.get(first.id)).toEqual({ applied: [], skipped: [taken] });
  expect(results.get(third.id)).toEqual({ applied: [], skipped: [taken] });
  expect(results.get(holder.id)).toEqual({ applied: ["email", "phone"], skipped: [] });
  expect((await getRecord(user, contactEntity, second.id)).email).toBe("same@example.com");
  expect((await getRecord(user, contactEntity, first.id)).email).toBe(null);
  expect((await getRecord(user, contactEntity, holder.id)).email).toBe("moved@example.com");

  const next = await applyEnrichedValuesBatch(
    enrichment,
    contactEntity,
    [
      { recordId: third.id, values: [value("email", "moving@example.com")] },
      { recordId: second.id, values: [value("email", "same@example.com", "apollo")] },
    ],
    keep,
  );
  expect(next.get(third.id)).toEqual({ applied: ["email"], skipped: [] });
  expect(next.get(second.id)).toEqual({ applied: ["email"], skipped: [] });
  expect((await getRecord(user, contactEntity, second.id)).sources.email?.provider).toBe("apollo");
});

it("runs the same few statements for 10 records as for 50", async () => {
  const counted = counting();
  const { user, enrichment } = await setup(counted.db);
  async function batchOf(n: number) {
    const records = await Promise.all(
      Array.from({ length: n }, (_, i) => createRecord(user, contactEntity, { first_name: `P${n}-${i}` })),
    );
    return records.map((r, i) => ({
      recordId: r.id,
      values: [
        value("email", `p${n}-${i}@batch${n}.example`),
        value("title", "CTO"),
        value("city", `City ${i % 3}`),
      ],
    }));
  }
  const statements: number[] = [];
  for (const n of [10, 50]) {
    const batch = await batchOf(n);
    counted.reset();
    const results = await applyEnrichedValuesBatch(enrichment, contactEntity, batch, keep);
    statements.push(counted.count());
    expect([...results.values()].every((r) => r.applied.length === 3)).toBe(true);
  }
  expect(statements[0]).toBeGreaterThan(0);
  // Values, provenance and activity; the emails also link the contacts to their company
  // (settings, companies found or created and their activity, one link update and its activity).
  expect(statements[0]).toBeLessThanOrEqual(14);
  expect(statements[1]).toBe(statements[0]);
});

it("writes enriched values as HOT updates that keep the record's updated_at; a person's edit moves it", async () => {
  const { user, enrichment } = await setup();
  const people = await Promise.all(
    ["Ada", "Bob", "Cy"].map((first_name) => createRecord(user, contactEntity, { first_name })),
  );
  // This backend's own counts (pg_stat_xact_*, not yet flushed: they may include its earlier
  // transactions), read before and after inside one transaction: exact, whatever else runs.
  const counts = await t.db.transaction().execute(async (trx) => {
    const read = async () => {
      const { rows } = await sql<{ updated: number; hot: number }>`
        select n_tup_upd::int as updated, n_tup_hot_upd::int as hot
        from pg_stat_xact_user_tables where relid = 'contacts'::regclass`.execute(trx);
      return rows[0] ?? { updated: 0, hot: 0 };
    };
    const before = await read();
    await applyEnrichedValuesBatch(
      { ...enrichment, db: trx },
      contactEntity,
      people.map((p, i) => ({ recordId: p.id, values: [value("mobile_phone", `+1 555 010${i}`)] })),
      keep,
    );
    const after = await read();
    return { updated: after.updated - before.updated, hot: after.hot - before.hot };
  });
  // No index entry added: updated_at (indexed for the "Updated" sort) is kept.
  expect(counts).toEqual({ updated: 3, hot: 3 });
  const [ada] = people;
  if (!ada) throw new Error("no contact");
  const enriched = await getRecord(user, contactEntity, ada.id);
  expect(enriched).toMatchObject({ mobile_phone: "+1 555 0100", updatedAt: ada.updatedAt });
  const edited = await updateRecord(user, contactEntity, ada.id, { title: "CTO" });
  expect(Date.parse(edited.updatedAt)).toBeGreaterThan(Date.parse(ada.updatedAt));
  expect(edited.mobile_phone).toBe("+1 555 0100");
});
