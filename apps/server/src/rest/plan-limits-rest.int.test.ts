import { fillContacts, limitedOutbound, liveRecords, setPlan } from "@quarry/billing/testing/limits";
import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../testing/test-app.ts";
import { type ApiWorkspace, apiClient, apiWorkspace } from "./testing/rest-fixture.ts";

/** The plan's records limit through /api/v1, with billing's limits wired as main.ts does. */
let t: TestDatabase;
let server: TestApp;
let a: ApiWorkspace;
beforeAll(async () => {
  t = await createTestDatabase();
  server = await startTestApp({ db: t.db, outbound: limitedOutbound });
  a = await apiWorkspace(t.db, "limits"); // one contact and one company
  await setPlan(t.db, a.workspaceId, "free");
  await fillContacts(t.db, a.workspaceId, 997); // 999 of Free's 1,000
});
afterAll(async () => {
  await server.close();
  await t.drop();
});

const FULL =
  "Your Free plan allows 1,000 contacts and companies; this workspace has 1,000. Upgrade on the Billing page to add more.";

describe("/api/v1 at the plan's records limit", () => {
  it("POST creates the last record that fits, then answers 403 forbidden naming the limit", async () => {
    const client = apiClient(server.url, a.writeKey);
    expect((await client.post("/contacts", { email: "last@rest-limit.example" })).status).toBe(201);
    for (const [path, body] of [
      ["/contacts", { email: "over@rest-limit.example" }],
      ["/companies", { name: "Over Co" }],
    ] as const) {
      const res = await client.post(path, body);
      expect(res.status).toBe(403);
      expect(res.body.error).toEqual({ code: "forbidden", message: FULL });
    }
    expect(await liveRecords(t.db, a.workspaceId)).toBe(1_000);
  });

  it("PUT (upsert) still updates a record that exists, and is refused when it would create one", async () => {
    const client = apiClient(server.url, a.writeKey);
    const updated = await client.put("/contacts", { email: a.contactEmail, title: "CTO" });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id: a.contactId, title: "CTO" });
    const created = await client.put("/contacts", { email: "new@rest-limit.example" });
    expect(created.status).toBe(403);
    expect(created.body.error.message).toBe(FULL);
    const company = await client.put("/companies", { domain: "new-co.rest-limit.example" });
    expect(company.status).toBe(403);
    expect(await liveRecords(t.db, a.workspaceId)).toBe(1_000);
  });
});
