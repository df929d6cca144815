import { DAY, HOUR, manualClock } from "@quarry/core/clock";
import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { afterAll, beforeAll, expect, it } from "vitest";
import { authTestCaller } from "../testing/auth-test-caller.ts";
import { signUpUser } from "../testing/sign-up-user.ts";
import { pruneAuthState } from "./prune-auth-state.ts";
import { validateSessionToken } from "./validate-session.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

it("deletes expired sessions, resets and forgotten throttles, and keeps everything still in use", async () => {
  const clock = manualClock();
  const old = await signUpUser(t.db, { clock });
  await authTestCaller(t.db, { clock }).caller.auth.passwordReset.request({ email: old.user.email });
  await authTestCaller(t.db, { clock, ip: "10.0.0.1" })
    .caller.auth.signIn({ email: old.user.email, password: "wrong-password!" })
    .catch(() => {});

  clock.advance(31 * DAY);
  const fresh = await signUpUser(t.db, { clock });
  await authTestCaller(t.db, { clock }).caller.auth.passwordReset.request({ email: fresh.user.email });
  await authTestCaller(t.db, { clock, ip: "10.0.0.2" })
    .caller.auth.signIn({ email: fresh.user.email, password: "wrong-password!" })
    .catch(() => {});
  clock.advance(HOUR - 1);

  // the old sign-in failure's two keys and the old reset request's address key
  expect(await pruneAuthState(t.db, clock)).toEqual({ sessions: 1, passwordResets: 1, throttles: 3 });
  const throttles = await t.db.selectFrom("auth_throttles").select("key").orderBy("key").execute();
  expect(throttles.map((r) => r.key)).toEqual([
    `email:${fresh.user.email}`,
    "ip:10.0.0.2",
    `reset-email:${fresh.user.email}`,
    "reset-ip:127.0.0.1",
  ]);
  expect(await t.db.selectFrom("password_resets").select("user_id").execute()).toEqual([
    { user_id: fresh.user.id },
  ]);
  expect(await validateSessionToken(t.db, clock, fresh.token)).not.toBeNull();
  expect(await pruneAuthState(t.db, clock)).toEqual({ sessions: 0, passwordResets: 0, throttles: 0 });
});
