import { defineConfig } from "vitest/config";

/** Browser tests: a real server (HTTP, worker, built web app) driven through Debian's Chromium. */
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ["**/*.spec.ts"],
    globalSetup: ["./support/global-setup.ts"],
    // A failing beforeAll/afterAll must fail the run (Vitest 5 alone exits 0 for it).
    reporters: ["default", `${import.meta.dirname}/../scripts/fail-on-failed-suites.ts`],
    pool: "forks",
    testTimeout: 60_000,
    // expect.poll waits for what a user would wait for (a list refetched after a reload), not
    // Vitest's 1 s default, which a busy CI machine overruns.
    expect: { poll: { timeout: 15_000 } },
    hookTimeout: 120_000,
  },
});
