import { HOUR, MINUTE, manualClock } from "@quarry/core/clock";
import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { listMail } from "@quarry/mail/services/list-mail";
import { queuedJobs } from "@quarry/queue/testing/queued-jobs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { authTestCaller } from "../testing/auth-test-caller.ts";
import { signUpUser } from "../testing/sign-up-user.ts";
import { hashPasswordResetToken } from "./password-reset-token.ts";
import { validateSessionToken } from "./validate-session.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

const linkPattern = /http:\/\/localhost:3000\/reset-password\/([a-z2-7]+)/;

async function requestReset(clock: ReturnType<typeof manualClock>, email: string): Promise<string> {
  expect(await authTestCaller(t.db, { clock }).caller.auth.passwordReset.request({ email })).toEqual({
    ok: true,
  });
  const [mail] = await listMail(t.db, { to: email, limit: 1 });
  const token = linkPattern.exec(mail?.text_body ?? "")?.[1];
  if (!token) throw new Error(`no reset link mailed to ${email}`);
  return token;
}

const signIn = (clock: ReturnType<typeof manualClock>, email: string, password: string) =>
  authTestCaller(t.db, { clock }).caller.auth.signIn({ email, password });

it("mails a single-use link that sets the new password and signs out every session", async () => {
  const clock = manualClock();
  const {
    user,
    password,
    token: sessionToken,
  } = await signUpUser(t.db, {
    clock,
    email: "forgot@example.com",
  });
  await signIn(clock, user.email, password);

  const token = await requestReset(clock, "Forgot@Example.com");
  expect(token.length * 5).toBeGreaterThanOrEqual(128);
  const [mail] = await listMail(t.db, { to: user.email });
  expect(mail?.subject).toBe("Reset your Quarry password");
  expect((await queuedJobs(t.db, "mail/deliver")).map((j) => j.payload)).toContainEqual({
    outboxId: mail?.id,
  });
  const stored = await t.db
    .selectFrom("password_resets")
    .select("id")
    .where("user_id", "=", user.id)
    .execute();
  expect(stored.map((r) => r.id)).toEqual([hashPasswordResetToken(token)]);

  clock.advance(59 * MINUTE);
  const reset = authTestCaller(t.db, { clock }).caller.auth.passwordReset;
  expect(await reset.confirm({ token, password: "brand-new-password" })).toEqual({ ok: true });

  expect(await validateSessionToken(t.db, clock, sessionToken)).toBeNull();
  expect(await t.db.selectFrom("sessions").where("user_id", "=", user.id).select("id").execute()).toEqual([]);
  await expect(signIn(clock, user.email, password)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  expect(await signIn(clock, user.email, "brand-new-password")).toMatchObject({ user: { id: user.id } });

  await expect(reset.confirm({ token, password: "yet-another-password" })).rejects.toMatchObject({
    code: "BAD_REQUEST",
    message: "This reset link has already been used. Request a new one.",
    cause: { field: "token" },
  });
  expect(await signIn(clock, user.email, "brand-new-password")).toMatchObject({ user: { id: user.id } });
});

it("refuses a link after one hour and keeps the old password", async () => {
  const clock = manualClock();
  const { user, password } = await signUpUser(t.db, { clock, email: "slow@example.com" });
  const token = await requestReset(clock, user.email);
  clock.advance(HOUR);
  await expect(
    authTestCaller(t.db, { clock }).caller.auth.passwordReset.confirm({
      token,
      password: "too-late-password",
    }),
  ).rejects.toMatchObject({
    code: "BAD_REQUEST",
    message: "This reset link has expired. Request a new one.",
  });
  expect(await signIn(clock, user.email, password)).toMatchObject({ user: { id: user.id } });
});

it("refuses a made-up token", async () => {
  await expect(
    authTestCaller(t.db).caller.auth.passwordReset.confirm({ token: "abcdef", password: "some-password-1" }),
  ).rejects.toMatchObject({ code: "BAD_REQUEST", cause: { field: "token" } });
});

it("answers the same for an unknown email and sends nothing", async () => {
  const mailBefore = (await listMail(t.db, { limit: 500 })).length;
  const jobsBefore = (await queuedJobs(t.db)).length;
  expect(
    await authTestCaller(t.db).caller.auth.passwordReset.request({ email: "nobody@example.com" }),
  ).toEqual({ ok: true });
  expect(await listMail(t.db, { to: "nobody@example.com" })).toEqual([]);
  expect((await listMail(t.db, { limit: 500 })).length).toBe(mailBefore);
  expect((await queuedJobs(t.db)).length).toBe(jobsBefore);
});
