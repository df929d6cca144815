import { fillContacts, limitedOutbound, liveRecords, setPlan } from "@quarry/billing/testing/limits";
import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { insertTestUser } from "@quarry/trpc/testing/test-users";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testCaller } from "./testing/test-context.ts";

/**
 * The plan limits where the app creates things (tRPC, as the web app calls it), with billing's
 * real limits wired in as main.ts does. Free: 1,000 records, 1 seat, 1 API key.
 */
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

const RECORDS_FULL =
  "Your Free plan allows 1,000 contacts and companies; this workspace has 1,000. Upgrade on the Billing page to add more.";

async function freeWorkspace(records = 0) {
  const owner = await insertTestUser(t.db);
  const caller = testCaller(t.db, { ...owner, outbound: limitedOutbound });
  const { id: workspaceId } = await caller.workspaces.create({ name: "Free Co" });
  await setPlan(t.db, workspaceId, "free");
  await fillContacts(t.db, workspaceId, records);
  return { caller, workspaceId };
}

describe("records at the plan's limit", () => {
  it("contacts.create and companies.create are refused with the limit and the upgrade path; nothing is written", async () => {
    const { caller, workspaceId } = await freeWorkspace(1_000);
    await expect(
      caller.records.contacts.create({ workspaceId, data: { email: "one-more@limit.example" } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", message: RECORDS_FULL });
    await expect(
      caller.records.companies.create({ workspaceId, data: { name: "One More" } }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: RECORDS_FULL,
    });
    expect(await liveRecords(t.db, workspaceId)).toBe(1_000);
  });

  it("the last one below the limit is created; editing and deleting still work at the limit", async () => {
    const { caller, workspaceId } = await freeWorkspace(999);
    const last = await caller.records.contacts.create({ workspaceId, data: { email: "last@limit.example" } });
    const edited = await caller.records.contacts.update({
      workspaceId,
      id: last.id,
      data: { first_name: "Last" },
    });
    expect(edited.first_name).toBe("Last");
    await caller.records.contacts.delete({ workspaceId, id: last.id });
    expect(await liveRecords(t.db, workspaceId)).toBe(999);
  });

  it("restoring from the trash counts again: refused at the limit", async () => {
    const { caller, workspaceId } = await freeWorkspace(999);
    const c = await caller.records.contacts.create({ workspaceId, data: { email: "trash@limit.example" } });
    await caller.records.contacts.delete({ workspaceId, id: c.id });
    await fillContacts(t.db, workspaceId, 1, "refill");
    await expect(caller.records.contacts.restore({ workspaceId, id: c.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: RECORDS_FULL,
    });
  });

  it("a contact that fits is created without the company its domain would add when that does not fit", async () => {
    const { caller, workspaceId } = await freeWorkspace(999);
    const c = await caller.records.contacts.create({
      workspaceId,
      data: { email: "ann@new-company.example", company_name: "New Company" },
    });
    expect(c.company_id).toBeNull();
    expect(await liveRecords(t.db, workspaceId)).toBe(1_000);
  });

  it("a downgraded workspace over its limit keeps every record and can read them", async () => {
    const owner = await insertTestUser(t.db);
    const caller = testCaller(t.db, { ...owner, outbound: limitedOutbound });
    const { id: workspaceId } = await caller.workspaces.create({ name: "Downgraded Co" });
    await fillContacts(t.db, workspaceId, 1_100);
    await setPlan(t.db, workspaceId, "free");
    const page = await caller.records.contacts.list({ workspaceId, limit: 50 });
    expect(page.items).toHaveLength(50);
    await expect(
      caller.records.contacts.create({ workspaceId, data: { email: "no@limit.example" } }),
    ).rejects.toMatchObject({ message: expect.stringContaining("this workspace has 1,100") });
    expect(await liveRecords(t.db, workspaceId)).toBe(1_100);
  });
});

describe("seats and API keys", () => {
  it("invitations.create beyond the seats is refused naming them; re-inviting the same address is not a new seat", async () => {
    const { caller, workspaceId } = await freeWorkspace();
    await expect(
      caller.workspaces.invitations.create({ workspaceId, email: "second@limit.example", role: "member" }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      message:
        "Your Free plan allows 1 seat (members and open invitations); this workspace has 1. Upgrade on the Billing page to invite more.",
    });
    await setPlan(t.db, workspaceId, "starter");
    await caller.workspaces.invitations.create({ workspaceId, email: "a@limit.example", role: "member" });
    await caller.workspaces.invitations.create({ workspaceId, email: "b@limit.example", role: "viewer" });
    await caller.workspaces.invitations.create({ workspaceId, email: "b@limit.example", role: "member" });
    await expect(
      caller.workspaces.invitations.create({ workspaceId, email: "c@limit.example", role: "member" }),
    ).rejects.toMatchObject({
      message: expect.stringContaining("allows 3 seats (members and open invitations); this workspace has 3"),
    });
  });

  it("apiKeys.create beyond the plan's keys is refused; revoking one makes room", async () => {
    const { caller, workspaceId } = await freeWorkspace();
    const first = await caller.workspaces.apiKeys.create({ workspaceId, name: "first", scope: "read" });
    await expect(
      caller.workspaces.apiKeys.create({ workspaceId, name: "second", scope: "read" }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      message:
        "Your Free plan allows 1 API key; this workspace has 1. Upgrade on the Billing page to create more.",
    });
    await caller.workspaces.apiKeys.revoke({ workspaceId, id: first.id });
    const again = await caller.workspaces.apiKeys.create({ workspaceId, name: "again", scope: "read" });
    expect(again.key).toBeTruthy();
  });
});
