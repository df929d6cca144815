import { manualClock } from "@quarry/core/clock";
import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { fieldErrors } from "@quarry/trpc/init";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { authTestCaller, authTestCallerForToken } from "../testing/auth-test-caller.ts";
import { signUpUser } from "../testing/sign-up-user.ts";
import { SESSION_COOKIE, validateSessionToken } from "./validate-session.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

/** The sentences the form shows beside each field for a refused call. */
async function refusedFields(call: Promise<unknown>): Promise<Record<string, string>> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  const cause = (error as { cause?: unknown } | null)?.cause;
  if (cause instanceof ZodError) return fieldErrors(cause);
  if (cause && typeof cause === "object" && "field" in cause && "message" in cause) {
    return { [String(cause.field)]: String(cause.message) };
  }
  throw new Error(`expected a refused call, got ${String(error)}`);
}

describe("account", () => {
  it("renames the signed-in user, and sign-in shows the new name", async () => {
    const me = await signUpUser(t.db);
    const { caller } = await authTestCallerForToken(t.db, me.token);
    expect(await caller.auth.account.update({ data: { name: "  Ada Lovelace " } })).toEqual({
      user: { id: me.user.id, email: me.user.email, name: "Ada Lovelace" },
    });
    const again = await authTestCaller(t.db).caller.auth.signIn({
      email: me.user.email,
      password: me.password,
    });
    expect(again.user.name).toBe("Ada Lovelace");
    expect(await refusedFields(caller.auth.account.update({ data: { name: " " } }))).toEqual({
      "data.name": "Name is required",
    });
  });

  it("changes the password with the current one, keeps this session and signs out the others", async () => {
    const clock = manualClock();
    const me = await signUpUser(t.db, { clock });
    const { caller: phone, cookieLog } = authTestCaller(t.db, { clock, ip: "198.51.100.7" });
    await phone.auth.signIn({ email: me.user.email, password: me.password });
    const phoneToken = cookieLog.get(SESSION_COOKIE)?.value ?? "";
    expect(await validateSessionToken(t.db, clock, phoneToken)).not.toBeNull();

    const { caller } = await authTestCallerForToken(t.db, me.token, { clock });
    expect(
      await refusedFields(
        caller.auth.password.change({
          currentPassword: "not the password",
          newPassword: "a brand new passphrase",
        }),
      ),
    ).toEqual({ currentPassword: "Current password is not correct." });
    expect(
      await refusedFields(
        caller.auth.password.change({ currentPassword: me.password, newPassword: "password123" }),
      ),
    ).toEqual({ newPassword: expect.stringMatching(/^New password is too easy to guess\./) });

    expect(
      await caller.auth.password.change({
        currentPassword: me.password,
        newPassword: "a brand new passphrase",
      }),
    ).toEqual({ ok: true });
    expect(await validateSessionToken(t.db, clock, me.token)).not.toBeNull();
    expect(await validateSessionToken(t.db, clock, phoneToken)).toBeNull();
    const signIn = (password: string) =>
      authTestCaller(t.db, { clock }).caller.auth.signIn({ email: me.user.email, password });
    await expect(signIn(me.password)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    expect(await signIn("a brand new passphrase")).toMatchObject({ user: { id: me.user.id } });
  });

  it("stops guessing the current password after a few wrong tries", async () => {
    const clock = manualClock();
    const me = await signUpUser(t.db, { clock });
    const { caller } = await authTestCallerForToken(t.db, me.token, { clock });
    const wrong = () =>
      caller.auth.password.change({
        currentPassword: "guess guess guess",
        newPassword: "a brand new passphrase",
      });
    for (let i = 0; i < 6; i++) await expect(wrong()).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      caller.auth.password.change({ currentPassword: me.password, newPassword: "a brand new passphrase" }),
    ).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
  });
});

describe("a new password must be hard to guess", () => {
  it("refuses password123 on sign-up with a sentence naming the field", async () => {
    const { caller } = authTestCaller(t.db);
    const fields = await refusedFields(
      caller.auth.signUp({ email: "weak@example.com", name: "Weak", password: "password123" }),
    );
    expect(fields).toEqual({ password: expect.stringMatching(/^Password is too easy to guess\./) });
    expect(
      await t.db.selectFrom("users").where("email", "=", "weak@example.com").select("id").execute(),
    ).toEqual([]);
  });

  it("refuses password123 on reset", async () => {
    const { caller } = authTestCaller(t.db);
    const fields = await refusedFields(
      caller.auth.passwordReset.confirm({ token: "f".repeat(40), password: "password123" }),
    );
    expect(fields.password).toMatch(/^Password is too easy to guess\./);
  });
});
