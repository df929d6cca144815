import { DAY, HOUR, manualClock } from "@quarry/core/clock";
import { testOutbound } from "@quarry/core/testing/test-outbound";
import { getBalance } from "@quarry/credits/services/get-balance";
import { ledgerCtx, memberOf } from "@quarry/credits/testing/fixtures";
import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { insertTestUser } from "@quarry/trpc/testing/test-users";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plans, TRIAL_CREDITS } from "../plans.ts";
import { testCaller } from "../testing/caller.ts";
import { startTrial } from "./start-trial.ts";

const clock = manualClock(new Date("2026-03-01T12:00:00Z"));
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

async function newWorkspace(opts: { configured?: boolean } = {}) {
  const owner = await insertTestUser(t.db);
  const outbound = opts.configured
    ? { ...testOutbound, stripe: { secretKey: "sk_test_1", webhookSecret: "whsec_1", apiBase: null } }
    : testOutbound;
  const caller = testCaller(t.db, { ...owner, clock, outbound });
  const workspace = await caller.workspaces.create({ name: "Trial Co" });
  return { caller, workspaceId: workspace.id, owner };
}

describe("a new workspace's trial", () => {
  it("starts with 500 credits and 14 days, without a card", async () => {
    const { caller, workspaceId } = await newWorkspace();
    expect((await getBalance(ledgerCtx(t.db, workspaceId))).available).toBe(TRIAL_CREDITS);
    const billing = await caller.billing.get({ workspaceId });
    expect(billing).toMatchObject({
      configured: false,
      plan: { id: "starter", name: "Starter", limits: plans.starter.limits },
      account: {
        status: "trialing",
        trialDaysLeft: 14,
        trialEndsAt: new Date(clock.now().getTime() + 14 * DAY),
        renewsAt: null,
      },
    });
  });

  it("counts its days down with the clock, and reads as free once it is over", async () => {
    const { caller, workspaceId } = await newWorkspace();
    const start = clock.now();
    try {
      clock.advance(13 * DAY + HOUR);
      expect((await caller.billing.get({ workspaceId })).account?.trialDaysLeft).toBe(1);
      clock.advance(DAY);
      const over = await caller.billing.get({ workspaceId });
      expect([over.plan.id, over.account?.status, over.account?.trialDaysLeft]).toEqual([
        "free",
        "free",
        null,
      ]);
    } finally {
      clock.set(start);
    }
  });

  it("is granted once: starting it again changes nothing", async () => {
    const { workspaceId } = await newWorkspace();
    await startTrial({ ...ledgerCtx(t.db, workspaceId), clock });
    expect((await getBalance(ledgerCtx(t.db, workspaceId))).available).toBe(TRIAL_CREDITS);
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from billing_history where workspace_id = ${workspaceId} and kind = 'trial_started'`.execute(
      t.db,
    );
    expect(rows[0]?.n).toBe(1);
  });
});

describe("billing.get", () => {
  it("says whether Stripe is configured", async () => {
    const { caller, workspaceId } = await newWorkspace({ configured: true });
    expect((await caller.billing.get({ workspaceId })).configured).toBe(true);
  });

  it("shows an admin the plan's name and limits, not the account", async () => {
    const { workspaceId } = await newWorkspace();
    const admin = await memberOf(t.db, workspaceId, "admin");
    const billingAdmin = await memberOf(t.db, workspaceId, "billing_admin");
    const asAdmin = await testCaller(t.db, { ...admin, clock }).billing.get({ workspaceId });
    expect(asAdmin).toEqual({
      configured: false,
      plan: { id: "starter", name: "Starter", limits: plans.starter.limits },
      plans: Object.values(plans).map((p) => ({
        id: p.id,
        name: p.name,
        monthlyPriceCents: p.monthlyPriceCents,
        monthlyCredits: p.monthlyCredits,
        limits: p.limits,
      })),
      account: null,
    });
    const asBillingAdmin = await testCaller(t.db, { ...billingAdmin, clock }).billing.get({ workspaceId });
    expect(asBillingAdmin.account?.status).toBe("trialing");
  });

  it("reads a workspace from before billing (no billing state) as free", async () => {
    const { workspaceId, caller } = await newWorkspace();
    await sql`delete from workspace_billing where workspace_id = ${workspaceId}`.execute(t.db);
    const billing = await caller.billing.get({ workspaceId });
    expect([billing.plan.id, billing.account?.status]).toEqual(["free", "free"]);
  });
});
