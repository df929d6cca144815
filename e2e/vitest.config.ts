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
    hookTimeout: 120_000,
  },
});
