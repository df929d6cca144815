import { HOUR, MINUTE, manualClock } from "@quarry/core/clock";
import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { listMail } from "@quarry/mail/services/list-mail";
import { queuedJobs } from "@quarry/queue/testing/queued-jobs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

const mailedTokens = async (email: string) =>
  (await listMail(t.db, { to: email, limit: 100 })).map((m) => linkPattern.exec(m.text_body)?.[1]);

async function requestReset(
  clock: ReturnType<typeof manualClock>,
  email: string,
  ip?: string,
): Promise<string> {
  const before = await mailedTokens(email.toLowerCase());
  expect(await authTestCaller(t.db, { clock, ip }).caller.auth.passwordReset.request({ email })).toEqual({
    ok: true,
  });
  const token = (await mailedTokens(email.toLowerCase())).find((tk) => tk && !before.includes(tk));
  if (!token) throw new Error(`no reset link mailed to ${email}`);
  return token;
}

const request = (clock: ReturnType<typeof manualClock>, email: string, ip: string) =>
  authTestCaller(t.db, { clock, ip }).caller.auth.passwordReset.request({ email });

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

it("revokes the user's other reset links when the password changes", async () => {
  const clock = manualClock();
  const { user } = await signUpUser(t.db, { clock, email: "two-links@example.com" });
  const first = await requestReset(clock, user.email, "10.20.0.1");
  const second = await requestReset(clock, user.email, "10.20.0.2");
  const reset = authTestCaller(t.db, { clock }).caller.auth.passwordReset;
  expect(await reset.confirm({ token: second, password: "chosen-password-1" })).toEqual({ ok: true });

  // the older link was mailed before the change: it must not change the password back
  await expect(reset.confirm({ token: first, password: "attacker-password-1" })).rejects.toMatchObject({
    code: "BAD_REQUEST",
    message: "This reset link is not valid. Request a new one.",
    cause: { field: "token" },
  });
  expect(await signIn(clock, user.email, "chosen-password-1")).toMatchObject({ user: { id: user.id } });
});

describe("request throttling", () => {
  // written out, not read from RESET_LIMITS, so a loosened limit fails here
  const cases = [
    {
      name: "per address, from many IPs",
      limit: 3,
      email: (_i: number) => "flooded@example.com",
      ip: (i: number) => `10.30.0.${i}`,
    },
    {
      name: "per address, for an unknown one too",
      limit: 3,
      email: (_i: number) => "no-such-user@example.com",
      ip: (i: number) => `10.31.0.${i}`,
    },
    {
      name: "per client IP, across addresses",
      limit: 10,
      email: (i: number) => `victim-${i}@example.com`,
      ip: (_i: number) => "198.51.100.99",
    },
  ];

  it.each(cases)("refuses requests $name beyond the limit for an hour", async ({ limit, email, ip }) => {
    const clock = manualClock();
    for (let i = 0; i < limit; i++) expect(await request(clock, email(i), ip(i))).toEqual({ ok: true });

    const refused = request(clock, email(limit), ip(limit));
    await expect(refused).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
      message:
        "Too many password reset requests. Check your inbox for the link already sent, or try again in 60 minutes.",
      cause: { retryAfter: 3600 },
    });
    clock.advance(HOUR);
    expect(await request(clock, email(limit + 1), ip(limit + 1))).toEqual({ ok: true });
  });

  it("limits one address without limiting others from the same network", async () => {
    const clock = manualClock();
    for (let i = 0; i < 3; i++) await request(clock, "busy@example.com", "192.0.2.77");
    await expect(request(clock, "busy@example.com", "192.0.2.77")).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
    });
    expect(await request(clock, "calm@example.com", "192.0.2.77")).toEqual({ ok: true });
  });

  it("mails no more than the limit when many requests race", async () => {
    const clock = manualClock();
    const { user } = await signUpUser(t.db, { clock, email: "raced-reset@example.com" });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) => request(clock, user.email, `10.40.${i}.1`)),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(3);
    expect(await listMail(t.db, { to: user.email, limit: 100 })).toHaveLength(3);
  });
});
