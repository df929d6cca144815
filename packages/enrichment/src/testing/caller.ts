import type { Database } from "@quarry/db/client";
import { createCallerFactory, router } from "@quarry/trpc/init";
import { type TestContextOptions, testContext } from "@quarry/trpc/testing/test-context";
import { workspaceAccess } from "@quarry/workspaces/services/access";
import { enrichmentRouter } from "../router.ts";

/**
 * Calls enrichment procedures exactly as the app router mounts them (`enrichment.*`), minus HTTP.
 * packages/api's caller cannot be imported here: @quarry/api depends on @quarry/enrichment.
 */
const createCaller = createCallerFactory(router({ enrichment: enrichmentRouter }));

export function testCaller(db: Database, opts: Omit<TestContextOptions, "access"> = {}) {
  return createCaller(testContext(db, { ...opts, access: workspaceAccess }));
}
