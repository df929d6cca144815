import type { Database } from "@quarry/db/client";
import { createCallerFactory, router } from "@quarry/trpc/init";
import { type TestContextOptions, testContext } from "@quarry/trpc/testing/test-context";
import { workspacesRouter } from "../router.ts";
import { workspaceAccess } from "../services/access.ts";

const createCaller = createCallerFactory(router({ workspaces: workspacesRouter }));

/** Calls workspaces procedures through tRPC (builders, permissions, validation) without HTTP. */
export function testCaller(db: Database, opts: Omit<TestContextOptions, "access"> = {}) {
  return createCaller(testContext(db, { ...opts, access: workspaceAccess }));
}
