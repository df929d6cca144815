import { randomUUID } from "node:crypto";
import { type Clock, systemClock } from "@quarry/core/clock";
import type { Session as ContextSession, SessionUser as ContextUser } from "@quarry/core/session";
import type { Database } from "@quarry/db/client";
import { createAccount } from "../services/sign-up.ts";

export interface SignedUpUser {
  user: ContextUser;
  session: ContextSession;
  /** The session token, as the cookie would carry it. */
  token: string;
  password: string;
}

/**
 * Signs a user up through the real service (argon2 hash, real session row), for tests that
 * need a user who can sign in or a session that validates.
 */
export async function signUpUser(
  db: Database,
  opts: { email?: string; password?: string; name?: string; clock?: Clock; ip?: string } = {},
): Promise<SignedUpUser> {
  const email = (opts.email ?? `user-${randomUUID().slice(0, 8)}@example.com`).toLowerCase();
  const password = opts.password ?? "correct horse battery staple";
  const created = await createAccount(
    { db, clock: opts.clock ?? systemClock },
    { email, password, name: opts.name ?? email.split("@")[0] ?? email, client: testClient(opts.ip) },
  );
  return { ...created, password };
}

function testClient(ip = "127.0.0.1") {
  return { ip, userAgent: "vitest" };
}
