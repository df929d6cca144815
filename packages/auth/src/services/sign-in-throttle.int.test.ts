import { manualClock } from "@quarry/core/clock";
import { createTestDatabase, type TestDatabase } from "@quarry/db/testing/test-database";
import { afterAll, beforeAll, expect, it } from "vitest";
import { authTestCaller } from "../testing/auth-test-caller.ts";
import { signUpUser } from "../testing/sign-up-user.ts";
import { ACCOUNT_POLICY, IP_POLICY } from "./sign-in-throttle.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

type Clock = ReturnType<typeof manualClock>;

const signIn = (clock: Clock, ip: string, email: string, password: string) =>
  authTestCaller(t.db, { clock, ip }).caller.auth.signIn({ email, password });

const failures = (clock: Clock, ip: string, email: string, n: number) =>
  Array.from({ length: n }).reduce<Promise<void>>(
    (prev) =>
      prev.then(() =>
        expect(signIn(clock, ip, email, "wrong-password!")).rejects.toMatchObject({ code: "UNAUTHORIZED" }),
      ),
    Promise.resolve(),
  );

it("locks an account after repeated failures, from any IP, with growing delays, then lets it in", async () => {
  const clock = manualClock();
  const { user, password } = await signUpUser(t.db, { email: "target@example.com" });

  // five free failures, each from a different address
  for (let i = 1; i <= 5; i++) await failures(clock, `10.1.0.${i}`, user.email, 1);
  expect(await signIn(clock, "10.1.1.1", user.email, password)).toMatchObject({ user: { id: user.id } });

  // success cleared the count: five more are free again, the sixth locks for 2 seconds
  await failures(clock, "10.1.0.9", user.email, 6);
  await expect(signIn(clock, "10.1.2.2", user.email, password)).rejects.toMatchObject({
    code: "TOO_MANY_REQUESTS",
    cause: { retryAfter: 2 },
  });
  clock.advance(2_000);
  // the next failure doubles the lock
  await failures(clock, "10.1.0.9", user.email, 1);
  await expect(signIn(clock, "10.1.3.3", user.email, password)).rejects.toMatchObject({
    code: "TOO_MANY_REQUESTS",
    cause: { retryAfter: 4 },
  });
  clock.advance(3_000);
  await expect(signIn(clock, "10.1.3.3", user.email, password)).rejects.toMatchObject({
    code: "TOO_MANY_REQUESTS",
    cause: { retryAfter: 1 },
  });
  clock.advance(1_000);
  expect(await signIn(clock, "10.1.3.3", user.email, password)).toMatchObject({ user: { id: user.id } });
});

it("locks an IP that fails across many accounts, without locking those accounts elsewhere", async () => {
  const clock = manualClock();
  const { user, password } = await signUpUser(t.db, { email: "bystander@example.com" });
  const attacker = "198.51.100.66";
  for (let i = 0; i < 21; i++) await failures(clock, attacker, `guess-${i}@example.com`, 1);

  await expect(signIn(clock, attacker, user.email, password)).rejects.toMatchObject({
    code: "TOO_MANY_REQUESTS",
    cause: { retryAfter: 2 },
  });
  expect(await signIn(clock, "192.0.2.10", user.email, password)).toMatchObject({ user: { id: user.id } });
  clock.advance(2_000);
  expect(await signIn(clock, attacker, user.email, password)).toMatchObject({ user: { id: user.id } });
});

it("throttles unknown emails the same way, so a lock does not reveal whether an account exists", async () => {
  const clock = manualClock();
  await failures(clock, "10.9.0.1", "ghost@example.com", 6);
  await expect(signIn(clock, "10.9.0.2", "ghost@example.com", "whatever-password")).rejects.toMatchObject({
    code: "TOO_MANY_REQUESTS",
  });
});

it("forgets old failures after a quiet day", async () => {
  const clock = manualClock();
  const { user, password } = await signUpUser(t.db, { email: "forgetful@example.com" });
  await failures(clock, "10.8.0.1", user.email, 5);
  clock.advance(25 * 60 * 60 * 1000);
  await failures(clock, "10.8.0.1", user.email, 1);
  expect(await signIn(clock, "10.8.0.1", user.email, password)).toMatchObject({ user: { id: user.id } });
});

it("reserves each attempt before the password check, so concurrent guesses cannot all get verified", async () => {
  const clock = manualClock();
  const { user } = await signUpUser(t.db, { email: "raced@example.com" });
  const guesses = 30;
  const outcomes = await Promise.allSettled(
    Array.from({ length: guesses }, (_, i) => signIn(clock, `10.7.${i}.1`, user.email, `wrong-guess-${i}!`)),
  );
  const codes = outcomes.map((o) =>
    o.status === "rejected" ? (o.reason as { code?: string }).code : "SIGNED_IN",
  );
  const verified = codes.filter((c) => c === "UNAUTHORIZED").length;
  // five free failures, and the sixth that sets the first lock: no more may reach the password check
  expect(verified).toBe(ACCOUNT_POLICY.freeFailures + 1);
  expect(codes.filter((c) => c === "TOO_MANY_REQUESTS")).toHaveLength(guesses - verified);
});

it("does not count successful sign-ins against a shared IP", async () => {
  const clock = manualClock();
  const office = "203.0.113.50";
  const { user, password } = await signUpUser(t.db, { email: "colleague@example.com" });
  for (let i = 0; i < IP_POLICY.freeFailures + 5; i++) {
    expect(await signIn(clock, office, user.email, password)).toMatchObject({ user: { id: user.id } });
  }
});
