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
});
afterAll(() => dropTestDatabase(t));

describe("contacts", () => {
  it("creates, reads, updates, deletes and restores a contact, normalising what it stores", async () => {
    const company = await admin.caller.records.companies.create({
      ...ws,
      data: { name: "Acme", domain: "acme.com" },
    });
    const created = await admin.caller.records.contacts.create({
      ...ws,
      data: {
        first_name: "  Ada ",
        last_name: "Lovelace",
        email: " Ada@Example.COM ",
        linkedin_url: "https://www.linkedin.com/in/ada",
        company_id: company.id,
        company_domain: "HTTPS://www.Acme.com/about",
        city: "",
      },
    });
    expect(created).toMatchObject({
      first_name: "Ada",
      email: "ada@example.com",
      company_id: company.id,
      company_domain: "acme.com",
      city: null,
      title: null,
      custom: {},
      deletedAt: null,
    });
    expect(await admin.caller.records.contacts.get({ ...ws, id: created.id })).toEqual(created);

    const updated = await admin.caller.records.contacts.update({
      ...ws,
      id: created.id,
      data: { title: "Countess", last_name: null },
    });
    expect(updated).toMatchObject({ title: "Countess", last_name: null, first_name: "Ada" });

    expect(await admin.caller.records.contacts.delete({ ...ws, id: created.id })).toEqual({ ok: true });
    const trashed = await admin.caller.records.contacts.get({ ...ws, id: created.id });
    expect(trashed.deletedAt).not.toBeNull();
    const live = await admin.caller.records.contacts.list({ ...ws });
    expect(live.items.map((c) => c.id)).not.toContain(created.id);
    const trash = await admin.caller.records.contacts.list({ ...ws, deleted: true });
    expect(trash.items.map((c) => c.id)).toEqual([created.id]);
    await expectFailure(
      admin.caller.records.contacts.update({ ...ws, id: created.id, data: { title: "x" } }),
      "NOT_FOUND",
    );

    const restored = await admin.caller.records.contacts.restore({ ...ws, id: created.id });
    expect(restored).toMatchObject({ deletedAt: null, title: "Countess" });
    expect((await admin.caller.records.contacts.list({ ...ws })).items.map((c) => c.id)).toContain(
      created.id,
    );
    expect((await activityRows(t.db, created.id)).map((a) => a.action)).toEqual([
      "create",
      "update",
      "delete",
      "restore",
    ]);
  });

  it("names the field in validation errors and writes nothing", async () => {
    const before = (await admin.caller.records.contacts.list({ ...ws })).total.value;
    await expectFailure(
      admin.caller.records.contacts.create({ ...ws, data: { email: "not-an-email" } }),
      "BAD_REQUEST",
      "data.email",
    );
    await expectFailure(
      admin.caller.records.contacts.create({ ...ws, data: { twitter_url: "twitter dot com" } }),
      "BAD_REQUEST",
      "data.twitter_url",
    );
    await expectFailure(
      admin.caller.records.contacts.create({ ...ws, data: { company_domain: "not a domain" } }),
      "BAD_REQUEST",
      "data.company_domain",
    );
    await expectFailure(
      // @ts-expect-error: unknown field
      admin.caller.records.contacts.create({ ...ws, data: { nickname: "Ada" } }),
      "BAD_REQUEST",
      "data",
    );
    expect((await admin.caller.records.contacts.list({ ...ws })).total.value).toBe(before);
  });

  it("refuses a company_id from another workspace", async () => {
    const other = await newWorkspace(t.db);
    const theirs = await other.caller.records.companies.create({
      workspaceId: other.workspaceId,
      data: { name: "Theirs" },
    });
    await expectFailure(
      admin.caller.records.contacts.create({ ...ws, data: { full_name: "Linked", company_id: theirs.id } }),
      "BAD_REQUEST",
      "data.company_id",
    );
    const { items } = await admin.caller.records.contacts.list({ ...ws, search: "Linked" });
    expect(items).toEqual([]);
  });

  it("rejects a duplicate email in the workspace with CONFLICT on email, but allows it in another workspace", async () => {
    await admin.caller.records.contacts.create({
      ...ws,
      data: { email: "dup@example.com", first_name: "One" },
    });
    await expectFailure(
      admin.caller.records.contacts.create({ ...ws, data: { email: "DUP@example.com", first_name: "Two" } }),
      "CONFLICT",
      "data.email",
    );
    const two = await admin.caller.records.contacts.create({ ...ws, data: { email: "two@example.com" } });
    await expectFailure(
      admin.caller.records.contacts.update({ ...ws, id: two.id, data: { email: "dup@example.com" } }),
      "CONFLICT",
      "data.email",
    );
    expect((await admin.caller.records.contacts.get({ ...ws, id: two.id })).email).toBe("two@example.com");
    expect((await activityRows(t.db, two.id)).map((a) => a.action)).toEqual(["create"]);
    const other = await newWorkspace(t.db);
    const elsewhere = await other.caller.records.contacts.create({
      workspaceId: other.workspaceId,
      data: { email: "dup@example.com" },
    });
    expect(elsewhere.email).toBe("dup@example.com");
  });

  it("lets a deleted contact's email be reused, then refuses to restore it with CONFLICT", async () => {
    const first = await admin.caller.records.contacts.create({ ...ws, data: { email: "reuse@example.com" } });
    await admin.caller.records.contacts.delete({ ...ws, id: first.id });
    await admin.caller.records.contacts.create({ ...ws, data: { email: "reuse@example.com" } });
    await expectFailure(
      admin.caller.records.contacts.restore({ ...ws, id: first.id }),
      "CONFLICT",
      "data.email",
    );
    expect((await admin.caller.records.contacts.get({ ...ws, id: first.id })).deletedAt).not.toBeNull();
  });
});

describe("activity", () => {
  it("records old → new only for fields that changed, with actor and source; identical updates write nothing", async () => {
    const c = await admin.caller.records.contacts.create({
      ...ws,
      data: { first_name: "Grace", last_name: "Hopper", title: "Rear Admiral" },
    });
    await admin.caller.records.contacts.update({
      ...ws,
      id: c.id,
      data: { first_name: "Grace", title: "Admiral", city: "Arlington" },
    });
    await admin.caller.records.contacts.update({
      ...ws,
      id: c.id,
      data: { first_name: "Grace", title: "Admiral" },
    });
    const rows = await activityRows(t.db, c.id);
    expect(rows.map((r) => r.action)).toEqual(["create", "update"]);
    expect(rows[1]).toMatchObject({ source: "user", actor_id: admin.user.id });
    expect(rows[1]?.changes).toEqual([
      { field: "title", old: "Rear Admiral", new: "Admiral" },
      { field: "city", old: null, new: "Arlington" },
    ]);

    const timeline = await admin.caller.records.activity.list({ ...ws, entity: "contact", recordId: c.id });
    expect(timeline.items.map((i) => i.action)).toEqual(["update", "create"]);
    expect(timeline.items[0]).toMatchObject({
      source: "user",
      actor: { id: admin.user.id, name: admin.user.name },
    });
    expect(timeline.items[1]?.changes).toEqual([
      { field: "first_name", old: null, new: "Grace" },
      { field: "last_name", old: null, new: "Hopper" },
      { field: "title", old: null, new: "Rear Admiral" },
    ]);
  });

  it("pages the timeline newest first", async () => {
    const c = await admin.caller.records.companies.create({ ...ws, data: { name: "Paged" } });
    for (const n of [1, 2, 3, 4]) {
      await admin.caller.records.companies.update({ ...ws, id: c.id, data: { employee_count: n } });
    }
    const first = await admin.caller.records.activity.list({
      ...ws,
      entity: "company",
      recordId: c.id,
      limit: 3,
    });
    expect(first.items.map((i) => i.changes[0]?.new)).toEqual([4, 3, 2]);
    const second = await admin.caller.records.activity.list({
      ...ws,
      entity: "company",
      recordId: c.id,
      limit: 3,
      cursor: first.nextCursor,
    });
    expect(second.items.map((i) => i.action)).toEqual(["update", "create"]);
    expect(second.nextCursor).toBeNull();
  });
});

describe("companies", () => {
  it("creates, updates, deletes and restores a company with numbers, years and technologies", async () => {
    const created = await admin.caller.records.companies.create({
      ...ws,
      data: {
        name: "Initech",
        domain: "http://WWW.Initech.io/careers?x=1",
        employee_count: 250,
        annual_revenue: 12_000_000_000,
        founded_year: 1999,
        technologies: ["react", " postgres ", "react"],
      },
    });
    expect(created).toMatchObject({
      domain: "initech.io",
      employee_count: 250,
      annual_revenue: 12_000_000_000,
      technologies: ["react", "postgres"],
    });
    const updated = await admin.caller.records.companies.update({
      ...ws,
      id: created.id,
      data: { technologies: null, employee_count: 300 },
    });
    expect(updated).toMatchObject({ technologies: [], employee_count: 300, founded_year: 1999 });
    expect((await admin.caller.records.companies.get({ ...ws, id: created.id })).technologies).toEqual([]);
    await admin.caller.records.companies.delete({ ...ws, id: created.id });
    expect((await admin.caller.records.companies.get({ ...ws, id: created.id })).deletedAt).not.toBeNull();
    expect((await admin.caller.records.companies.restore({ ...ws, id: created.id })).deletedAt).toBeNull();
  });

  it("names the field for a negative employee_count, a silly founded_year and a bad URL", async () => {
    await expectFailure(
      admin.caller.records.companies.create({ ...ws, data: { employee_count: -1 } }),
      "BAD_REQUEST",
      "data.employee_count",
    );
    await expectFailure(
      admin.caller.records.companies.create({ ...ws, data: { employee_count: 1.5 } }),
      "BAD_REQUEST",
      "data.employee_count",
    );
    await expectFailure(
      admin.caller.records.companies.create({ ...ws, data: { founded_year: 3020 } }),
      "BAD_REQUEST",
      "data.founded_year",
    );
    await expectFailure(
      admin.caller.records.companies.create({ ...ws, data: { linkedin_url: "javascript:alert(1)" } }),
      "BAD_REQUEST",
      "data.linkedin_url",
    );
    await expectFailure(
      // @ts-expect-error: technologies is a list
      admin.caller.records.companies.create({ ...ws, data: { technologies: "react" } }),
      "BAD_REQUEST",
      "data.technologies",
    );
  });

  it("rejects a duplicate domain with CONFLICT on domain, whatever way it is written", async () => {
    await admin.caller.records.companies.create({ ...ws, data: { domain: "globex.com" } });
    await expectFailure(
      admin.caller.records.companies.create({ ...ws, data: { domain: "https://www.GLOBEX.com/" } }),
      "CONFLICT",
      "data.domain",
    );
  });
});
