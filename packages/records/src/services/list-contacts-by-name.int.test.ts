import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropTestDatabase, type Member, newWorkspace } from "../testing/fixtures.ts";

let t: TestDatabase;
let admin: Member;
beforeAll(async () => {
  t = await createTestDatabase();
  admin = await newWorkspace(t.db);
});
afterAll(() => dropTestDatabase(t));

describe("contacts by name", () => {
  it("sorts and filters on the name the grid shows: full name, else first and last, else email", async () => {
    const ws = { workspaceId: admin.workspaceId };
    const create = (data: Record<string, string>) => admin.caller.records.contacts.create({ ...ws, data });
    await create({ full_name: "Zed Zimmer", first_name: "Aaron", email: "zed@example.com" });
    await create({ first_name: "Mary", last_name: "Major" });
    await create({ email: "bob@example.com" });
    await create({ first_name: "Carl", email: "carl@example.com" });
    // No name and no email: only a LinkedIn URL (a contact needs one of the three).
    await create({ phone: "+1 555 0100", linkedin_url: "https://www.linkedin.com/in/no-name" });

    const names = async (direction: "asc" | "desc", cursor?: string | null) =>
      admin.caller.records.contacts.list({ ...ws, sort: { field: "name", direction }, limit: 2, cursor });
    const all = async (direction: "asc" | "desc") => {
      const out: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await names(direction, cursor);
        out.push(...page.items.map((c) => c.full_name ?? c.first_name ?? c.email ?? c.phone ?? "?"));
        cursor = page.nextCursor;
      } while (cursor);
      return out;
    };
    // Keyset pages of two; the contact without any name comes last either way.
    expect(await all("asc")).toEqual(["bob@example.com", "Carl", "Mary", "Zed Zimmer", "+1 555 0100"]);
    expect(await all("desc")).toEqual(["Zed Zimmer", "Mary", "Carl", "bob@example.com", "+1 555 0100"]);

    const filtered = await admin.caller.records.contacts.list({
      ...ws,
      filter: { op: "and", conditions: [{ field: "name", operator: "contains", value: "mary maj" }] },
    });
    expect(filtered.items.map((c) => c.first_name)).toEqual(["Mary"]);
    const exact = await admin.caller.records.contacts.list({
      ...ws,
      filter: { op: "and", conditions: [{ field: "name", operator: "equals", value: "Zed Zimmer" }] },
    });
    expect(exact.items.map((c) => c.full_name)).toEqual(["Zed Zimmer"]);
  });
});
