import type { Database } from "@quarry/db/client";
import { createCallerFactory, router } from "@quarry/trpc/init";
import { type TestContextOptions, testContext } from "@quarry/trpc/testing/test-context";
import { workspaceAccess } from "@quarry/workspaces/services/access";
import { createWorkspaceWithTrialProcedure } from "../procedures/create-workspace.ts";
import { billingRouter } from "../router.ts";

/**
 * Calls billing's procedures as the app router mounts them (`billing.*`, and `workspaces.create`
 * with the trial), minus HTTP. packages/api's caller cannot be imported: it depends on billing.
 */
const createCaller = createCallerFactory(
  router({ billing: billingRouter, workspaces: router({ create: createWorkspaceWithTrialProcedure }) }),
);

export function testCaller(db: Database, opts: Omit<TestContextOptions, "access"> = {}) {
  return createCaller(testContext(db, { ...opts, access: workspaceAccess }));
}
