import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { insertTestUser } from "@quarry/trpc/testing/test-users";
import { afterAll, beforeAll, expect, it } from "vitest";
import { testCaller } from "./testing/caller.ts";
import { enrichmentWorkspace, insertContacts } from "./testing/fixtures.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

it.each([
  { role: "owner", available: 123, covered: true },
  { role: "admin", available: 123, covered: true },
  { role: "member", available: 123, covered: true },
  { role: "viewer", available: null, covered: null },
] as const)(
  "enrichment.runs.preview as $role shows the balance: $available",
  async ({ role, available, covered }) => {
    const w = await enrichmentWorkspace(t.db, 123);
    const member = await insertTestUser(t.db);
    await t.db
      .insertInto("memberships")
      .values({ workspace_id: w.workspaceId, user_id: member.user.id, role })
      .execute();
    const ids = await insertContacts(t.db, w.workspaceId, [{ first_name: "Ada", last_name: "Lovelace" }]);
    const preview = await testCaller(t.db, member).enrichment.runs.preview({
      workspaceId: w.workspaceId,
      entity: "contact",
      selection: { ids },
      fields: ["full_name"],
    });
    expect(preview).toMatchObject({ recordCount: 1, available, covered });
  },
);
