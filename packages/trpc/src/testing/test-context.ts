import { type Clock, systemClock } from "@quarry/core/clock";
import { silentLogger } from "@quarry/core/logger";
import type { Outbound } from "@quarry/core/outbound";
import { testOutbound } from "@quarry/core/testing/test-outbound";
import type { Database } from "@quarry/db/client";
import type { Access, Context, ContextSession, ContextUser, CookieOptions } from "../context.ts";

export interface TestContextOptions {
  user?: ContextUser | null;
  session?: ContextSession | null;
  clock?: Clock;
  /** Defaults to testOutbound (private networks allowed, for vendor fakes on 127.0.0.1). */
  outbound?: Outbound;
  ip?: string;
  userAgent?: string;
  /** Workspace access; domains below `workspaces` pass none and are refused every workspace. */
  access?: Access;
}

/** Cookies a procedure set (value and options) or cleared (null), so tests can read them back. */
export type CookieLog = Map<string, { value: string; opts: CookieOptions } | null>;

const noWorkspaceAccess: Access = { roleIn: async () => null, can: () => false };

/** The per-request context the server builds, minus HTTP: for calling procedures in tests. */
export function testContext(db: Database, opts: TestContextOptions = {}): Context & { cookieLog: CookieLog } {
  const cookieLog: CookieLog = new Map();
  return {
    db,
    log: silentLogger,
    clock: opts.clock ?? systemClock,
    outbound: opts.outbound ?? testOutbound,
    req: {
      id: "test",
      ip: opts.ip ?? "127.0.0.1",
      userAgent: opts.userAgent ?? "vitest",
      secure: false,
      appOrigin: "http://localhost:3000",
    },
    cookies: {
      set: (name, value, o) => cookieLog.set(name, { value, opts: o }),
      clear: (name) => cookieLog.set(name, null),
    },
    access: opts.access ?? noWorkspaceAccess,
    user: opts.user ?? null,
    session: opts.session ?? null,
    cookieLog,
  };
}
