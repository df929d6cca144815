import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import type { Role } from "@quarry/workspaces/permissions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorkspaceFixture, type WorkspaceFixture } from "./testing/access-fixture.ts";
import { testCaller } from "./testing/test-context.ts";

/**
 * Issue 9: "member, viewer and admin cannot change billing; billing-admin cannot touch records",
 * written out per role rather than derived from the permission matrix, so changing the matrix
 * breaks this table. Billing changes that exist today: the account part of billing.get (plan price,
 * status, renewal; what the billing page edits) and credits.settings.update (spend caps).
 * Lives in packages/api: a test in packages/billing cannot reach the records router.
 */
const table: ReadonlyArray<{
  role: Role;
  seesPlan: boolean;
  seesAccount: boolean;
  changesCaps: boolean;
  createsRecords: boolean;
}> = [
  { role: "owner", seesPlan: true, seesAccount: true, changesCaps: true, createsRecords: true },
  { role: "billing_admin", seesPlan: true, seesAccount: true, changesCaps: true, createsRecords: false },
  { role: "admin", seesPlan: true, seesAccount: false, changesCaps: false, createsRecords: true },
  { role: "member", seesPlan: false, seesAccount: false, changesCaps: false, createsRecords: true },
  { role: "viewer", seesPlan: false, seesAccount: false, changesCaps: false, createsRecords: false },
];

let t: TestDatabase;
let w: WorkspaceFixture;
beforeAll(async () => {
  t = await createTestDatabase();
  w = await createWorkspaceFixture(t.db, "billingroles");
});
afterAll(() => t.drop());

const forbidden = { code: "FORBIDDEN" };

describe.each(table)("$role", ({ role, seesPlan, seesAccount, changesCaps, createsRecords }) => {
  const as = () => testCaller(t.db, w.users[role]);
  const workspaceId = () => w.workspaceId;

  it(`${seesPlan ? "sees" : "does not see"} the plan, ${seesAccount ? "with" : "without"} the account`, async () => {
    const got = as().billing.get({ workspaceId: workspaceId() });
    if (!seesPlan) return void (await expect(got).rejects.toMatchObject(forbidden));
    const billing = await got;
    expect(billing.plan.id).toBe("starter");
    expect(billing.account !== null).toBe(seesAccount);
  });

  it(`${changesCaps ? "can" : "cannot"} change the spend caps`, async () => {
    const change = as().credits.settings.update({
      workspaceId: workspaceId(),
      data: { runCap: 700, monthlyCap: null },
    });
    if (changesCaps) await expect(change).resolves.toBeDefined();
    else await expect(change).rejects.toMatchObject(forbidden);
  });

  it(`${createsRecords ? "can" : "cannot"} create contacts and companies`, async () => {
    const tag = `${role.replace("_", "-")}-${Date.now()}`;
    const contact = as().records.contacts.create({
      workspaceId: workspaceId(),
      data: { email: `${tag}@roles.example` },
    });
    const company = as().records.companies.create({
      workspaceId: workspaceId(),
      data: { name: `Co ${tag}` },
    });
    if (createsRecords) {
      await expect(contact).resolves.toMatchObject({ email: `${tag}@roles.example` });
      await expect(company).resolves.toMatchObject({ name: `Co ${tag}` });
    } else {
      await expect(contact).rejects.toMatchObject(forbidden);
      await expect(company).rejects.toMatchObject(forbidden);
    }
  });
});
