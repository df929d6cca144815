import { MINUTE } from "@quarry/core/clock";
import { expect, it } from "vitest";
import { ACCOUNT_POLICY, lockDurationMs } from "./sign-in-throttle.ts";

it("lets the first failures through, then doubles the lock each time up to 15 minutes", () => {
  const free = ACCOUNT_POLICY.freeFailures;
  expect(lockDurationMs(1, ACCOUNT_POLICY)).toBe(0);
  expect(lockDurationMs(free, ACCOUNT_POLICY)).toBe(0);
  expect(lockDurationMs(free + 1, ACCOUNT_POLICY)).toBe(2_000);
  expect(lockDurationMs(free + 2, ACCOUNT_POLICY)).toBe(4_000);
  expect(lockDurationMs(free + 3, ACCOUNT_POLICY)).toBe(8_000);
  expect(lockDurationMs(free + 20, ACCOUNT_POLICY)).toBe(15 * MINUTE);
  expect(lockDurationMs(10_000, ACCOUNT_POLICY)).toBe(15 * MINUTE);
});
