import { systemClock } from "@quarry/core/clock";
import { userActor } from "@quarry/core/service-context";
import type { ServiceCtx } from "@quarry/db/service-context";
import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { afterAll, beforeAll, expect, it } from "vitest";
import { contactEntity } from "../schemas/entities.ts";
import { activityRows, dropTestDatabase, newWorkspace } from "../testing/fixtures.ts";
import { applyEnrichedValues, type EnrichedFieldValue } from "./apply-enriched-values.ts";
import { createRecord } from "./create-record.ts";
import { getRecord } from "./get-record.ts";
import { listRecords } from "./list-records.ts";
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

async function setup() {
  const m = await newWorkspace(t.db);
  const user: ServiceCtx = {
    db: t.db,
    workspaceId: m.workspaceId,
    actor: userActor(m.user.id),
    clock: systemClock,
    log: { info() {}, warn() {}, error() {}, debug() {}, child: () => user.log },
  };
  const enrichment: ServiceCtx = { ...user };
  return { m, user, enrichment };
}

it("writes values, provenance and one activity row naming the provider; keeps what a user typed", async () => {
  const { user, enrichment } = await setup();
  const c = await createRecord(user, contactEntity, { email: "ada@example.com", title: "Founder" });
  const result = await applyEnrichedValues(
    enrichment,
    contactEntity,
    c.id,
    [value("title", "CTO"), value("phone", "+1 415 555 0100"), value("city", "London", "apollo")],
    { overwrite: false, runId: null },
  );
  expect(result).toEqual({
    applied: ["phone", "city"],
    skipped: [{ field: "title", reason: "a user typed this value" }],
  });
  const record = await getRecord(user, contactEntity, c.id);
  expect(record).toMatchObject({ title: "Founder", phone: "+1 415 555 0100", city: "London" });
  expect(record.sources).toEqual({
    phone: {
      provider: "hunter",
      confidence: 88,
      verification: "valid",
      fetchedAt: fetchedAt.toISOString(),
      sandbox: false,
    },
    city: {
      provider: "apollo",
      confidence: 88,
      verification: "valid",
      fetchedAt: fetchedAt.toISOString(),
      sandbox: false,
    },
  });
  const rows = await activityRows(t.db, c.id);
  expect(rows.at(-1)).toMatchObject({
    action: "update",
    source: "enrichment",
    changes: [
      { field: "phone", old: null, new: "+1 415 555 0100", provider: "hunter" },
      { field: "city", old: null, new: "London", provider: "apollo" },
    ],
  });
  const listed = await listRecords(user, contactEntity, { limit: 10, deleted: false });
  expect(listed.items[0]?.sources.city?.provider).toBe("apollo");
  expect(listed.items[0]?.quality).toBe(record.quality);

  // Overwrite replaces the typed title; an invalid value is skipped with the reason.
  const again = await applyEnrichedValues(
    enrichment,
    contactEntity,
    c.id,
    [value("title", "CTO"), value("linkedin_url", "not a url")],
    { overwrite: true, runId: null },
  );
  expect(again.applied).toEqual(["title"]);
  expect(again.skipped[0]).toMatchObject({ field: "linkedin_url" });
  // A person editing an enriched field makes it theirs: its provenance goes.
  const edited = await updateRecord(user, contactEntity, c.id, { city: "Paris" });
  expect(Object.keys(edited.sources).sort()).toEqual(["phone", "title"]);
});

it("skips a unique value another record holds, and every field of a deleted record", async () => {
  const { user, enrichment } = await setup();
  await createRecord(user, contactEntity, { email: "taken@example.com" });
  const c = await createRecord(user, contactEntity, { first_name: "Bob" });
  const r = await applyEnrichedValues(
    enrichment,
    contactEntity,
    c.id,
    [value("email", "taken@example.com")],
    {
      overwrite: false,
      runId: null,
    },
  );
  expect(r).toEqual({ applied: [], skipped: [{ field: "email", reason: "another contact has this email" }] });
  await t.db.updateTable("contacts").set({ deleted_at: new Date() }).where("id", "=", c.id).execute();
  const gone = await applyEnrichedValues(enrichment, contactEntity, c.id, [value("city", "Rome")], {
    overwrite: false,
    runId: null,
  });
  expect(gone.skipped).toEqual([{ field: "city", reason: "the record was deleted" }]);
});
