import type { Reporter, TestModule } from "vitest/node";

/**
 * Vitest 5 exits 0 when only a suite hook (beforeAll/afterAll) fails: the tests passed, the file is
 * reported failed, and CI would stay green. This reporter makes any failed test file fail the run.
 */
export default class FailOnFailedSuites implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const failed = testModules.filter((m) => m.state() === "failed");
    if (failed.length > 0) {
      console.error(`${failed.length} test file(s) failed outside their tests (a hook or an import):`);
      for (const m of failed) console.error(`  ${m.moduleId}`);
      process.exitCode = 1;
      // Vitest sets its own exit code after the reporters run: override it on the way out.
      process.once("exit", () => {
        process.exitCode = 1;
      });
    }
  }
}
