import { systemClock } from "@quarry/core/clock";
import type { Database } from "@quarry/db/client";
import { createCallerFactory, router } from "@quarry/trpc/init";
import { type TestContextOptions, testContext } from "@quarry/trpc/testing/test-context";
import { authRouter } from "../router.ts";
import { validateSessionToken } from "../services/validate-session.ts";

export type AuthTestOptions = Omit<TestContextOptions, "access">;

const createCaller = createCallerFactory(router({ auth: authRouter }));

/** Calls auth procedures through tRPC (middleware, input and output validation) without HTTP. */
export function authTestCaller(db: Database, opts: AuthTestOptions = {}) {
  const ctx = testContext(db, opts);
  return { caller: createCaller(ctx), cookieLog: ctx.cookieLog };
}

/**
 * What the server does on each request: validate the cookie's token into ctx.user/ctx.session,
 * then call. Throws when the token does not validate.
 */
export async function authTestCallerForToken(db: Database, token: string, opts: AuthTestOptions = {}) {
  const valid = await validateSessionToken(db, opts.clock ?? systemClock, token);
  if (!valid) throw new Error("session token did not validate");
  return authTestCaller(db, { ...opts, user: valid.user, session: valid.session });
}
