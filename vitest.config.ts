import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["{apps,packages,jobs,db}/**/src/**/*.test.ts", "db/**/*.test.ts", "scripts/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/dist/**"],
    globalSetup: ["db/src/testing/global-setup.ts"],
    // A failing beforeAll/afterAll must fail the run (Vitest 5 alone exits 0 for it).
    reporters: ["default", "./scripts/fail-on-failed-suites.ts"],
    pool: "forks",
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
