import { TRIAL_CREDITS } from "@quarry/billing/plans";
import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { insertTestUser } from "@quarry/trpc/testing/test-users";
import { afterAll, beforeAll, expect, it } from "vitest";
import { testCaller } from "./testing/test-context.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

it("workspaces.create, as the app mounts it, starts the trial in the same call", async () => {
  const caller = testCaller(t.db, await insertTestUser(t.db));
  const { id: workspaceId } = await caller.workspaces.create({ name: "Trial through the app" });
  expect((await caller.credits.balance.get({ workspaceId })).available).toBe(TRIAL_CREDITS);
  expect((await caller.billing.get({ workspaceId })).account?.status).toBe("trialing");
});
