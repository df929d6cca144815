import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { afterAll, beforeAll, expect, it } from "vitest";
import { dropTestDatabase, expectFailure, type Member, newWorkspace } from "../testing/fixtures.ts";

let t: TestDatabase;
let m: Member;
let ws: { workspaceId: string };
beforeAll(async () => {
  t = await createTestDatabase();
  m = await newWorkspace(t.db);
  ws = { workspaceId: m.workspaceId };
});
afterAll(() => dropTestDatabase(t));

it("refuses a contact without a name, an email or a LinkedIn URL", async () => {
  for (const data of [{}, { title: "CTO", city: "Paris" }, { first_name: "  ", email: null }]) {
    const message = await expectFailure(
      m.caller.records.contacts.create({ ...ws, data }),
      "BAD_REQUEST",
      "data",
    );
    expect(message).toContain("Add a name, an email or a LinkedIn URL");
  }
  const list = await m.caller.records.contacts.list(ws);
  expect(list.items).toEqual([]);
  for (const data of [
    { last_name: "Hopper" },
    { full_name: "Grace Hopper" },
    { email: "grace@example.com" },
    { linkedin_url: "https://linkedin.com/in/grace" },
  ]) {
    await m.caller.records.contacts.create({ ...ws, data });
  }
});

it("refuses an update that empties a contact's last identifying field", async () => {
  const c = await m.caller.records.contacts.create({ ...ws, data: { first_name: "Ada", title: "CTO" } });
  const message = await expectFailure(
    m.caller.records.contacts.update({ ...ws, id: c.id, data: { first_name: null } }),
    "BAD_REQUEST",
    "data",
  );
  expect(message).toContain("Add a name, an email or a LinkedIn URL");
  const swapped = await m.caller.records.contacts.update({
    ...ws,
    id: c.id,
    data: { first_name: null, email: "ada@example.org" },
  });
  expect(swapped).toMatchObject({ first_name: null, email: "ada@example.org" });
});

it("refuses a company without a name or a domain, on create and update", async () => {
  const message = await expectFailure(
    m.caller.records.companies.create({ ...ws, data: { industry: "Software" } }),
    "BAD_REQUEST",
    "data",
  );
  expect(message).toContain("Add a name or a domain");
  const co = await m.caller.records.companies.create({ ...ws, data: { name: "Acme" } });
  await expectFailure(
    m.caller.records.companies.update({ ...ws, id: co.id, data: { name: "" } }),
    "BAD_REQUEST",
    "data",
  );
  expect((await m.caller.records.companies.get({ ...ws, id: co.id })).name).toBe("Acme");
});
