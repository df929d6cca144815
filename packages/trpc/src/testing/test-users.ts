import { randomUUID } from "node:crypto";
import type { Database } from "@quarry/db/client";
import type { ContextSession, ContextUser } from "../context.ts";

export interface TestUser {
  user: ContextUser;
  session: ContextSession;
}

/**
 * Inserts a user row and returns it with a synthetic session, ready for `testCaller(db, testUser)`.
 * The user cannot sign in (no usable password): tests of sign-in use auth.signUp instead.
 */
export async function insertTestUser(
  db: Database,
  opts: { email?: string; name?: string } = {},
): Promise<TestUser> {
  const email = (opts.email ?? `user-${randomUUID().slice(0, 8)}@example.com`).toLowerCase();
  const row = await db
    .insertInto("users")
    .values({ email, name: opts.name ?? email.split("@")[0] ?? email, password_hash: "!" })
    .returning(["id", "email", "name"])
    .executeTakeFirstOrThrow();
  return {
    user: row,
    session: { id: `test-${randomUUID()}`, userId: row.id, expiresAt: new Date(Date.now() + 86_400_000) },
  };
}
