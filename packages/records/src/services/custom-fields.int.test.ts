import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  activityRows,
  dropTestDatabase,
  expectFailure,
  type Member,
  newWorkspace,
} from "../testing/fixtures.ts";

let t: TestDatabase;
let admin: Member;
let ws: { workspaceId: string };
beforeAll(async () => {
  t = await createTestDatabase();
  admin = await newWorkspace(t.db);
  ws = { workspaceId: admin.workspaceId };
  const field = (
    key: string,
    type: "text" | "number" | "date" | "boolean" | "url" | "email",
    entity = "contact",
  ) => admin.caller.records.fields.create({ ...ws, entity: entity as "contact", key, label: key, type });
  await field("score", "number");
  await field("met_on", "date");
  await field("vip", "boolean");
  await field("site", "url");
  await field("assistant", "email");
  await field("notes", "text");
  await admin.caller.records.fields.create({
    ...ws,
    entity: "contact",
    key: "stage",
    label: "Stage",
    type: "select",
    options: ["lead", "customer"],
  });
});
afterAll(() => dropTestDatabase(t));

describe("custom field definitions", () => {
  it("lists, renames and re-options fields but never changes key or type", async () => {
    const { items } = await admin.caller.records.fields.list({ ...ws, entity: "contact" });
    expect(items.map((f) => [f.key, f.type])).toContainEqual(["stage", "select"]);
    const stage = items.find((f) => f.key === "stage");
    if (!stage) throw new Error("stage missing");
    const updated = await admin.caller.records.fields.update({
      ...ws,
      id: stage.id,
      data: { label: "Lifecycle", options: ["lead", "customer", "churned"] },
    });
    expect(updated).toMatchObject({ key: "stage", type: "select", label: "Lifecycle" });
    await expectFailure(
      // @ts-expect-error: key is immutable
      admin.caller.records.fields.update({ ...ws, id: stage.id, data: { key: "other" } }),
      "BAD_REQUEST",
      "data",
    );
    const score = items.find((f) => f.key === "score");
    if (!score) throw new Error("score missing");
    await expectFailure(
      admin.caller.records.fields.update({ ...ws, id: score.id, data: { options: ["a"] } }),
      "BAD_REQUEST",
      "data.options",
    );
  });

  it("validates new definitions and refuses a duplicate key", async () => {
    await expectFailure(
      admin.caller.records.fields.create({
        ...ws,
        entity: "contact",
        key: "Bad Key",
        label: "x",
        type: "text",
      }),
      "BAD_REQUEST",
      "key",
    );
    await expectFailure(
      admin.caller.records.fields.create({
        ...ws,
        entity: "contact",
        key: "pick",
        label: "x",
        type: "select",
      }),
      "BAD_REQUEST",
      "options",
    );
    await expectFailure(
      admin.caller.records.fields.create({
        ...ws,
        entity: "contact",
        key: "score",
        label: "x",
        type: "text",
      }),
      "CONFLICT",
      "key",
    );
    // The same key on the other entity is a different field.
    const company = await admin.caller.records.fields.create({
      ...ws,
      entity: "company",
      key: "score",
      label: "x",
      type: "text",
    });
    expect(company.entity).toBe("company");
  });
});

describe("custom values", () => {
  it("stores typed values, merges updates and removes a key set to null", async () => {
    const c = await admin.caller.records.contacts.create({
      ...ws,
      data: {
        first_name: "Custom",
        custom: {
          score: 42,
          met_on: "2024-05-01",
          vip: true,
          site: "https://ada.dev",
          assistant: "Bob@X.com",
          stage: "lead",
        },
      },
    });
    expect(c.custom).toEqual({
      score: 42,
      met_on: "2024-05-01",
      vip: true,
      site: "https://ada.dev",
      assistant: "bob@x.com",
      stage: "lead",
    });
    const u = await admin.caller.records.contacts.update({
      ...ws,
      id: c.id,
      data: { custom: { score: 43, vip: null, stage: "lead" } },
    });
    expect(u.custom).toEqual({
      score: 43,
      met_on: "2024-05-01",
      site: "https://ada.dev",
      assistant: "bob@x.com",
      stage: "lead",
    });
    const rows = await activityRows(t.db, c.id);
    expect(rows[1]?.changes).toEqual([
      { field: "custom.score", old: 42, new: 43 },
      { field: "custom.vip", old: true, new: null },
    ]);
  });

  it("names custom.<key> for an unknown key and for a value of the wrong type, writing nothing", async () => {
    const create = (custom: Record<string, unknown>) =>
      admin.caller.records.contacts.create({ ...ws, data: { first_name: "Wrong", custom } });
    const message = await expectFailure(create({ shoe_size: 42 }), "BAD_REQUEST", "data.custom.shoe_size");
    expect(message).toContain("custom.shoe_size");
    await expectFailure(create({ score: "lots" }), "BAD_REQUEST", "data.custom.score");
    await expectFailure(create({ met_on: "May 1st" }), "BAD_REQUEST", "data.custom.met_on");
    await expectFailure(create({ vip: "yes" }), "BAD_REQUEST", "data.custom.vip");
    await expectFailure(create({ site: "not a url" }), "BAD_REQUEST", "data.custom.site");
    await expectFailure(create({ assistant: "nobody" }), "BAD_REQUEST", "data.custom.assistant");
    await expectFailure(create({ stage: "prospect" }), "BAD_REQUEST", "data.custom.stage");
    const { items } = await admin.caller.records.contacts.list({ ...ws, search: "Wrong" });
    expect(items).toEqual([]);
  });

  it("deleting a definition removes its values from every record and logs it, in one go", async () => {
    const field = await admin.caller.records.fields.create({
      ...ws,
      entity: "contact",
      key: "temp",
      label: "Temp",
      type: "text",
    });
    const c = await admin.caller.records.contacts.create({
      ...ws,
      data: { first_name: "Temp", custom: { temp: "x", notes: "keep" } },
    });
    expect(await admin.caller.records.fields.delete({ ...ws, id: field.id })).toEqual({ ok: true });
    expect((await admin.caller.records.contacts.get({ ...ws, id: c.id })).custom).toEqual({ notes: "keep" });
    expect((await activityRows(t.db, c.id)).at(-1)?.changes).toEqual([
      { field: "custom.temp", old: "x", new: null },
    ]);
    await expectFailure(
      admin.caller.records.contacts.update({ ...ws, id: c.id, data: { custom: { temp: "y" } } }),
      "BAD_REQUEST",
      "data.custom.temp",
    );
    // A new field with the same key and another type starts clean: sorting and filtering on it work.
    await admin.caller.records.fields.create({
      ...ws,
      entity: "contact",
      key: "temp",
      label: "Temp",
      type: "number",
    });
    const list = await admin.caller.records.contacts.list({
      ...ws,
      filter: { op: "and", conditions: [{ field: "custom.temp", operator: "is_empty" }] },
      sort: { field: "custom.temp", direction: "desc" },
    });
    expect(list.items.map((i) => i.id)).toContain(c.id);
  });
});
