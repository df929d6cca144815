import { type Clock, systemClock } from "@quarry/core/clock";
import { silentLogger } from "@quarry/core/logger";
import type { Database } from "@quarry/db/client";
import type { Context, ContextSession, ContextUser, CookieOptions } from "@quarry/trpc/context";
import { createCallerFactory } from "@quarry/trpc/init";
import { workspaceAccess } from "@quarry/workspaces/services/access";
import { appRouter } from "../root.ts";

export interface TestContextOptions {
  user?: ContextUser | null;
  session?: ContextSession | null;
  clock?: Clock;
  ip?: string;
}

/** Cookies a procedure set, so tests can read the session token back. */
export type CookieLog = Map<string, { value: string; opts: CookieOptions } | null>;

export function testContext(db: Database, opts: TestContextOptions = {}): Context & { cookieLog: CookieLog } {
  const cookieLog: CookieLog = new Map();
  return {
    db,
    log: silentLogger,
    clock: opts.clock ?? systemClock,
    req: {
      id: "test",
      ip: opts.ip ?? "127.0.0.1",
      userAgent: "vitest",
      secure: false,
      appOrigin: "http://localhost:3000",
    },
    cookies: {
      set: (name, value, o) => cookieLog.set(name, { value, opts: o }),
      clear: (name) => cookieLog.set(name, null),
    },
    access: workspaceAccess,
    user: opts.user ?? null,
    session: opts.session ?? null,
    cookieLog,
  };
}

const createCaller = createCallerFactory(appRouter);

/** Calls procedures exactly as the HTTP endpoint would, minus HTTP. */
export function testCaller(db: Database, opts: TestContextOptions = {}) {
  return createCaller(testContext(db, opts));
}
