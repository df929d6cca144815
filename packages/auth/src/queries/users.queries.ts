import type { Database } from "@quarry/db/client";

export async function findUserByEmail(db: Database, email: string) {
  return db
    .selectFrom("users")
    .select(["id", "email", "name", "password_hash"])
    .where("email", "=", email)
    .executeTakeFirst();
}

/** Undefined when the email is already taken (the unique index decides, so concurrent sign-ups are safe). */
export async function insertUser(db: Database, user: { email: string; name: string; passwordHash: string }) {
  return db
    .insertInto("users")
    .values({ email: user.email, name: user.name, password_hash: user.passwordHash })
    .onConflict((oc) => oc.column("email").doNothing())
    .returning(["id", "email", "name"])
    .executeTakeFirst();
}

export async function updateUserPassword(db: Database, userId: string, passwordHash: string) {
  return db
    .updateTable("users")
    .set({ password_hash: passwordHash })
    .where("id", "=", userId)
    .returning(["id", "email"])
    .executeTakeFirstOrThrow();
}

export async function findUserById(db: Database, userId: string) {
  return db
    .selectFrom("users")
    .select(["id", "email", "name", "password_hash"])
    .where("id", "=", userId)
    .executeTakeFirst();
}

export async function updateUserName(db: Database, userId: string, name: string) {
  return db
    .updateTable("users")
    .set({ name })
    .where("id", "=", userId)
    .returning(["id", "email", "name"])
    .executeTakeFirstOrThrow();
}
