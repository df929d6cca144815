import { createCallerFactory } from "@quarry/trpc/init";
import { type TestContextOptions, testContext } from "@quarry/trpc/testing/test-context";
import { workspaceAccess } from "@quarry/workspaces/services/access";
import { appRouter } from "../root.ts";

const createCaller = createCallerFactory(appRouter);

/** Calls any procedure of the whole app exactly as the HTTP endpoint would, minus HTTP. */
export function testCaller(
  db: Parameters<typeof testContext>[0],
  opts: Omit<TestContextOptions, "access"> = {},
) {
  return createCaller(testContext(db, { ...opts, access: workspaceAccess }));
}
