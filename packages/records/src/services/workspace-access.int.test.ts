import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  activityRows,
  dropTestDatabase,
  expectFailure,
  type Member,
  memberOf,
  newWorkspace,
} from "../testing/fixtures.ts";

let t: TestDatabase;
let a: Member;
let b: Member;
beforeAll(async () => {
  t = await createTestDatabase();
  a = await newWorkspace(t.db, "member");
  b = await newWorkspace(t.db, "admin");
});
afterAll(() => dropTestDatabase(t));

describe("two workspaces", () => {
  it("answers NOT_FOUND to a member of A about B's records and leaves them unchanged", async () => {
    const inA = { workspaceId: a.workspaceId };
    const contact = await b.caller.records.contacts.create({
      workspaceId: b.workspaceId,
      data: { email: "b@example.com", title: "B's" },
    });
    const company = await b.caller.records.companies.create({
      workspaceId: b.workspaceId,
      data: { name: "B Inc" },
    });
    const field = await b.caller.records.fields.create({
      workspaceId: b.workspaceId,
      entity: "contact",
      key: "score",
      label: "Score",
      type: "number",
    });
    const before = await b.caller.records.contacts.get({ workspaceId: b.workspaceId, id: contact.id });

    const calls: Array<() => Promise<unknown>> = [
      () => a.caller.records.contacts.get({ ...inA, id: contact.id }),
      () => a.caller.records.contacts.update({ ...inA, id: contact.id, data: { title: "hacked" } }),
      () => a.caller.records.contacts.delete({ ...inA, id: contact.id }),
      () => a.caller.records.contacts.restore({ ...inA, id: contact.id }),
      () => a.caller.records.companies.get({ ...inA, id: company.id }),
      () => a.caller.records.companies.update({ ...inA, id: company.id, data: { name: "hacked" } }),
      () => a.caller.records.companies.delete({ ...inA, id: company.id }),
      () => a.caller.records.activity.list({ ...inA, entity: "contact", recordId: contact.id }),
      // A's own workspace id, B's record: and B's workspace id with A's membership.
      () => a.caller.records.contacts.get({ workspaceId: b.workspaceId, id: contact.id }),
      () => a.caller.records.contacts.list({ workspaceId: b.workspaceId }),
    ];
    for (const call of calls) await expectFailure(call(), "NOT_FOUND");

    expect(await b.caller.records.contacts.get({ workspaceId: b.workspaceId, id: contact.id })).toEqual(
      before,
    );
    expect((await b.caller.records.companies.get({ workspaceId: b.workspaceId, id: company.id })).name).toBe(
      "B Inc",
    );
    expect((await activityRows(t.db, contact.id)).map((r) => r.action)).toEqual(["create"]);
    expect((await a.caller.records.contacts.list(inA)).items).toEqual([]);
    // A member cannot manage fields at all; an admin of A would get NOT_FOUND for B's field.
    const adminOfA = await memberOf(t.db, a.workspaceId, "admin");
    await expectFailure(
      adminOfA.caller.records.fields.update({ ...inA, id: field.id, data: { label: "x" } }),
      "NOT_FOUND",
    );
    await expectFailure(adminOfA.caller.records.fields.delete({ ...inA, id: field.id }), "NOT_FOUND");
    expect((await b.caller.records.fields.list({ workspaceId: b.workspaceId })).items[0]?.label).toBe(
      "Score",
    );
  });

  it("does not let a contact in A link to a company of B, nor list B's rows", async () => {
    const theirs = await b.caller.records.companies.create({
      workspaceId: b.workspaceId,
      data: { name: "Theirs" },
    });
    await expectFailure(
      a.caller.records.contacts.create({
        workspaceId: a.workspaceId,
        data: { first_name: "Ada", company_id: theirs.id },
      }),
      "BAD_REQUEST",
      "data.company_id",
    );
    const list = await a.caller.records.companies.list({ workspaceId: a.workspaceId, search: "Theirs" });
    expect(list.items).toEqual([]);
  });
});

describe("a viewer", () => {
  it("can read and list but every write is FORBIDDEN and writes nothing", async () => {
    const ws = { workspaceId: b.workspaceId };
    const viewer = await memberOf(t.db, b.workspaceId, "viewer");
    const c = await b.caller.records.contacts.create({ ...ws, data: { first_name: "Seen" } });
    const listed = await viewer.caller.records.contacts.list(ws);
    expect(listed.items.map((i) => i.id)).toContain(c.id);
    expect((await viewer.caller.records.contacts.get({ ...ws, id: c.id })).first_name).toBe("Seen");
    const totalBefore = listed.total.value;

    await expectFailure(
      viewer.caller.records.contacts.create({ ...ws, data: { first_name: "New" } }),
      "FORBIDDEN",
    );
    await expectFailure(
      viewer.caller.records.contacts.update({ ...ws, id: c.id, data: { first_name: "Changed" } }),
      "FORBIDDEN",
    );
    await expectFailure(viewer.caller.records.contacts.delete({ ...ws, id: c.id }), "FORBIDDEN");
    await expectFailure(
      viewer.caller.records.companies.create({ ...ws, data: { name: "New" } }),
      "FORBIDDEN",
    );
    await expectFailure(
      viewer.caller.records.fields.create({
        ...ws,
        entity: "contact",
        key: "nope",
        label: "Nope",
        type: "text",
      }),
      "FORBIDDEN",
    );

    const after = await viewer.caller.records.contacts.list(ws);
    expect(after.total.value).toBe(totalBefore);
    expect((await viewer.caller.records.contacts.get({ ...ws, id: c.id })).first_name).toBe("Seen");
    expect((await activityRows(t.db, c.id)).map((r) => r.action)).toEqual(["create"]);
    expect((await viewer.caller.records.fields.list(ws)).items.map((f) => f.key)).not.toContain("nope");
  });
});
