import { manualClock } from "@quarry/core/clock";
import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { afterAll, beforeAll, expect, it } from "vitest";
import { authTestCaller, authTestCallerForToken } from "../testing/auth-test-caller.ts";
import { signUpUser } from "../testing/sign-up-user.ts";
import { SESSION_COOKIE, validateSessionToken } from "./validate-session.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

async function signInFrom(email: string, password: string, ip: string, userAgent: string) {
  const { caller, cookieLog } = authTestCaller(t.db, { ip, userAgent });
  await caller.auth.signIn({ email, password });
  return cookieLog.get(SESSION_COOKIE)?.value ?? "";
}

it("lists the user's devices, marks the current one, and signs out all the others", async () => {
  const clock = manualClock();
  const me = await signUpUser(t.db, { clock, ip: "192.0.2.1" });
  const phone = await signInFrom(me.user.email, me.password, "198.51.100.7", "Phone Safari");
  const laptop = await signInFrom(me.user.email, me.password, "203.0.113.9", "Laptop Firefox");
  const stranger = await signUpUser(t.db, { clock });

  const { caller } = await authTestCallerForToken(t.db, me.token, { clock });
  const { items } = await caller.auth.sessions.list();
  expect(items).toHaveLength(3);
  expect(items.filter((s) => s.current).map((s) => s.id)).toEqual([me.session.id]);
  expect(items.map((s) => s.userAgent).sort()).toEqual(["Laptop Firefox", "Phone Safari", "vitest"]);
  expect(items.find((s) => s.userAgent === "Phone Safari")?.ip).toBe("198.51.100.7");
  const listed = JSON.stringify(items);
  for (const token of [me.token, phone, laptop]) expect(listed).not.toContain(token.split(".")[1]);
  expect(listed).not.toContain(stranger.session.id);

  expect(await caller.auth.sessions.revokeOthers({})).toEqual({ revoked: 2 });
  const after = await caller.auth.sessions.list();
  expect(after.items.map((s) => [s.id, s.current])).toEqual([[me.session.id, true]]);
  expect(await validateSessionToken(t.db, clock, phone)).toBeNull();
  expect(await validateSessionToken(t.db, clock, laptop)).toBeNull();
  expect(await validateSessionToken(t.db, clock, me.token)).not.toBeNull();
  expect(await validateSessionToken(t.db, clock, stranger.token)).not.toBeNull();
});

it("requires a session", async () => {
  await expect(authTestCaller(t.db).caller.auth.sessions.list()).rejects.toMatchObject({
    code: "UNAUTHORIZED",
  });
});
