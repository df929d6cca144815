import { DAY, HOUR, manualClock } from "@quarry/core/clock";
import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { afterAll, beforeAll, expect, it } from "vitest";
import { signUpUser } from "../testing/sign-up-user.ts";
import { validateSessionToken } from "./validate-session.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

const sessionRow = (id: string) =>
  t.db.selectFrom("sessions").selectAll().where("id", "=", id).executeTakeFirst();

it("stores only the session id and a SHA-256 of the secret", async () => {
  const { session, token } = await signUpUser(t.db);
  const row = await sessionRow(session.id);
  const secret = token.split(".")[1] ?? "";
  expect(row?.secret_hash).toHaveLength(32);
  expect(JSON.stringify(row)).not.toContain(secret);
});

it("ends a session left unused for 30 days, and deletes it", async () => {
  const clock = manualClock();
  const { user, session, token } = await signUpUser(t.db, { clock });
  clock.advance(30 * DAY - HOUR);
  expect((await validateSessionToken(t.db, clock, token))?.user).toEqual(user);

  const idle = await signUpUser(t.db, { clock });
  clock.advance(30 * DAY);
  expect(await validateSessionToken(t.db, clock, idle.token)).toBeNull();
  expect(await sessionRow(idle.session.id)).toBeUndefined();
  expect(await sessionRow(session.id)).toBeDefined();
});

it("slides: use with under 15 days left extends to 30 days; regular use keeps it alive", async () => {
  const clock = manualClock();
  const start = clock.now().getTime();
  const { token } = await signUpUser(t.db, { clock });
  const at = (days: number) => clock.set(new Date(start + days * DAY));

  at(10);
  expect(await validateSessionToken(t.db, clock, token)).toMatchObject({ renewed: false });
  at(20);
  const renewed = await validateSessionToken(t.db, clock, token);
  expect(renewed).toMatchObject({ renewed: true, session: { expiresAt: new Date(start + 50 * DAY) } });
  at(30);
  expect(await validateSessionToken(t.db, clock, token)).toMatchObject({ renewed: false });
  at(40);
  expect(await validateSessionToken(t.db, clock, token)).toMatchObject({ renewed: true });
  at(45);
  expect(await validateSessionToken(t.db, clock, token)).not.toBeNull();
  // last used on day 45: gone 30 days later
  at(75);
  expect(await validateSessionToken(t.db, clock, token)).toBeNull();
});

it("records when a session was last used", async () => {
  const clock = manualClock();
  const { session, token } = await signUpUser(t.db, { clock });
  clock.advance(2 * HOUR);
  await validateSessionToken(t.db, clock, token);
  expect((await sessionRow(session.id))?.last_seen_at).toEqual(clock.now());
});

it("rejects a token whose secret was tampered with, without harming the real session", async () => {
  const clock = manualClock();
  const { session, token } = await signUpUser(t.db, { clock });
  const [id, secret = ""] = token.split(".");
  const flipped = `${id}.${secret.slice(0, -1)}${secret.endsWith("a") ? "b" : "a"}`;
  for (const bad of [
    flipped,
    `${id}.${"a".repeat(secret.length)}`,
    `${id}.`,
    id ?? "",
    `${session.id}x.${secret}`,
  ]) {
    expect(await validateSessionToken(t.db, clock, bad)).toBeNull();
  }
  expect(await validateSessionToken(t.db, clock, token)).not.toBeNull();
});
