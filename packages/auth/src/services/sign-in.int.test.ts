import { DAY, manualClock } from "@quarry/core/clock";
import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authTestCaller, authTestCallerForToken } from "../testing/auth-test-caller.ts";
import { signUpUser } from "../testing/sign-up-user.ts";
import { SESSION_COOKIE, validateSessionToken } from "./validate-session.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

const sessionCount = async (userId: string) =>
  (await t.db.selectFrom("sessions").select("id").where("user_id", "=", userId).execute()).length;

describe("sign up, sign in, sign out", () => {
  it("signs up with a session cookie, signs out clearing it, and signs in again", async () => {
    const clock = manualClock();
    const { caller, cookieLog } = authTestCaller(t.db, { clock });
    const { user } = await caller.auth.signUp({
      email: "  Ada@Example.com ",
      password: "analytical-engine",
      name: "Ada Lovelace",
    });
    expect(user).toMatchObject({ email: "ada@example.com", name: "Ada Lovelace" });

    const cookie = cookieLog.get(SESSION_COOKIE);
    if (!cookie) throw new Error("sign-up set no session cookie");
    expect(cookie.opts.expires).toEqual(new Date(clock.now().getTime() + 30 * DAY));
    const signedIn = await authTestCallerForToken(t.db, cookie.value, { clock });
    expect(await signedIn.caller.auth.me()).toEqual({ user });

    expect(await signedIn.caller.auth.signOut({})).toEqual({ ok: true });
    expect(signedIn.cookieLog.get(SESSION_COOKIE)).toBeNull();
    expect(await sessionCount(user.id)).toBe(0);
    expect(await validateSessionToken(t.db, clock, cookie.value)).toBeNull();

    const again = authTestCaller(t.db, { clock });
    expect(
      await again.caller.auth.signIn({ email: "ADA@example.com", password: "analytical-engine" }),
    ).toEqual({ user });
    const token = again.cookieLog.get(SESSION_COOKIE)?.value ?? "";
    expect((await validateSessionToken(t.db, clock, token))?.user).toEqual(user);
  });

  it("answers me with null when signed out", async () => {
    expect(await authTestCaller(t.db).caller.auth.me()).toBeNull();
  });

  it("refuses sign-out without a session", async () => {
    await expect(authTestCaller(t.db).caller.auth.signOut({})).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });

  it("refuses a second account with the same email, naming the email field", async () => {
    await signUpUser(t.db, { email: "taken@example.com" });
    const { caller, cookieLog } = authTestCaller(t.db);
    await expect(
      caller.auth.signUp({ email: "Taken@example.com", password: "another-password", name: "Other" }),
    ).rejects.toMatchObject({ code: "CONFLICT", cause: { field: "email" } });
    expect(cookieLog.size).toBe(0);
  });

  it("rejects a short password at sign-up", async () => {
    await expect(
      authTestCaller(t.db).caller.auth.signUp({ email: "short@example.com", password: "short", name: "S" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("wrong credentials", () => {
  it("gives the identical error for an unknown email and a wrong password", async () => {
    await signUpUser(t.db, { email: "grace@example.com", password: "compiler-pioneer" });
    const unknown = authTestCaller(t.db, { ip: "10.0.0.1" });
    const wrong = authTestCaller(t.db, { ip: "10.0.0.2" });
    const a = await unknown.caller.auth
      .signIn({ email: "nobody@example.com", password: "compiler-pioneer" })
      .catch((e: unknown) => e);
    const b = await wrong.caller.auth
      .signIn({ email: "grace@example.com", password: "not-the-password" })
      .catch((e: unknown) => e);
    expect(a).toMatchObject({ code: "UNAUTHORIZED", message: "Email or password is incorrect." });
    expect(b).toMatchObject({ code: "UNAUTHORIZED", message: "Email or password is incorrect." });
    expect(unknown.cookieLog.size + wrong.cookieLog.size).toBe(0);
  });
});

describe("password hashing", () => {
  it("stores an argon2id hash with at least OWASP's parameters, never the password", async () => {
    const { user, password } = await signUpUser(t.db);
    const row = await t.db
      .selectFrom("users")
      .select("password_hash")
      .where("id", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).not.toContain(password);
    const m = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(row.password_hash);
    expect(m).not.toBeNull();
    const [memory, time, parallelism] = (m ?? []).slice(1).map(Number);
    expect(memory).toBeGreaterThanOrEqual(19456);
    expect(time).toBeGreaterThanOrEqual(2);
    expect(parallelism).toBeGreaterThanOrEqual(1);
  });
});
