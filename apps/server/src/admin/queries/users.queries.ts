import type { Database } from "@quarry/db/client";

/** The account with this (lowercased) email, for commands that name a user by address. */
export async function findUserByEmail(db: Database, email: string) {
  return db.selectFrom("users").select(["id", "email", "name"]).where("email", "=", email).executeTakeFirst();
}
